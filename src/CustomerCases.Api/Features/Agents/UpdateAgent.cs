using System.Security.Claims;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Api.Features.Tasks;
using CustomerCases.Domain.Work;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Agents;

/// <summary>
/// PATCH /api/agents/{id} <c>{queues, skills, capacity, presence}</c> — absent fields stay. Managers change anything;
/// an agent may change his own presence. Whatever gives him room (available again, more capacity, a new queue) routes
/// waiting tasks in the same transaction.
/// </summary>
internal static class UpdateAgent
{
    internal sealed record Request(List<string>? Queues, List<string>? Skills, int? Capacity, string? Presence);

    public static async Task<IResult> HandleAsync(Guid id, Request request, ClaimsPrincipal user, CustomerCasesDbContext db, WriteGate gate,
        TaskRouting routing, TimeProvider time, CancellationToken ct)
    {
        var v = new Validation();
        AgentValidation.Lists(request.Queues, request.Skills, v);
        var presence = v.Enum<AgentPresence>("presence", request.Presence);
        if (request.Capacity is < 0 or > 1000)
        {
            v.Add("capacity", "must be between 0 and 1000.");
        }

        if (v.IsValid && request.Queues is not null && await AgentLoads.UnknownQueuesAsync(db, request.Queues, ct) is { Count: > 0 } unknown)
        {
            v.Add("queues", $"no such queue: {string.Join(", ", unknown)} (create it with POST /api/queues).");
        }

        if (!v.IsValid)
        {
            return v.Problem();
        }

        using var writer = await gate.EnterAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var caller = await TaskCaller.ResolveAsync(user, db, ct);
        var agent = await db.Agents.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agent is null || (!caller.IsManager && caller.AgentId != id))
        {
            return ApiProblems.NotFound("Agent", id);
        }

        if (!caller.IsManager && (request.Queues is not null || request.Skills is not null || request.Capacity is not null))
        {
            return ApiProblems.Forbidden("Agents change only their own presence; queues, skills and capacity are set by a manager.");
        }

        var now = time.GetUtcNow();
        if (request.Queues is not null)
        {
            agent.ChangeQueues(request.Queues, now);
        }

        if (request.Skills is not null)
        {
            agent.ChangeSkills(request.Skills, now);
        }

        if (request.Capacity is { } capacity)
        {
            agent.ChangeCapacity(capacity, now);
        }

        if (presence is { } p)
        {
            agent.ChangePresence(p, now);
        }

        await routing.RouteWaitingAsync(ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var open = await AgentLoads.OpenTasksAsync(db, ct);
        return Results.Ok(AgentResponse.From(agent, open.GetValueOrDefault(agent.Id)));
    }
}
