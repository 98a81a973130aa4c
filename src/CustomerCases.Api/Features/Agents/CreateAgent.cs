using CustomerCases.Api.Features.Shared;
using CustomerCases.Api.Features.Tasks;
using CustomerCases.Domain.Access;
using CustomerCases.Domain.Work;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Agents;

/// <summary>
/// POST /api/agents <c>{name, queues, skills, capacity}</c> — the agent and his own API key (role agent) in one
/// transaction; the key's secret is in this answer only. He is available at once, so waiting tasks are routed to him.
/// </summary>
internal static class CreateAgent
{
    internal sealed record Request(string? Name, List<string>? Queues, List<string>? Skills, int? Capacity);

    internal sealed record Created(AgentResponse Agent, string ApiKey, string ApiKeyPrefix);

    public static async Task<IResult> HandleAsync(Request request, CustomerCasesDbContext db, WriteGate gate, TaskRouting routing, TimeProvider time, CancellationToken ct)
    {
        var v = new Validation().Require("name", request.Name, 200);
        var capacity = request.Capacity ?? 5;
        if (capacity is < 0 or > 1000)
        {
            v.Add("capacity", "must be between 0 and 1000.");
        }

        AgentValidation.Lists(request.Queues, request.Skills, v);
        if (v.IsValid && await AgentLoads.UnknownQueuesAsync(db, request.Queues ?? [], ct) is { Count: > 0 } unknown)
        {
            v.Add("queues", $"no such queue: {string.Join(", ", unknown)} (create it with POST /api/queues).");
        }

        if (!v.IsValid)
        {
            return v.Problem();
        }

        var name = request.Name!.Trim();
        using var writer = await gate.EnterAsync(ct);
        if (await db.Agents.AnyAsync(a => a.Name == name, ct))
        {
            return ApiProblems.Conflict("agent_exists", "Agent exists", $"An agent named '{name}' already exists.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var (key, secret) = ApiKey.Create($"agent {name}", [Roles.Agent], now);
        var agent = Agent.Create(name, key.Id, request.Queues ?? [], request.Skills ?? [], capacity, now);
        db.ApiKeys.Add(key);
        db.Agents.Add(agent);
        await routing.RouteWaitingAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return ApiProblems.Conflict("agent_exists", "Agent exists", $"An agent named '{name}' already exists.");
        }

        await transaction.CommitAsync(ct);
        var open = await AgentLoads.OpenTasksAsync(db, ct);
        return Results.Created($"/api/agents/{agent.Id}", new Created(AgentResponse.From(agent, open.GetValueOrDefault(agent.Id)), secret, key.Prefix));
    }
}

internal static class AgentValidation
{
    public static void Lists(List<string>? queues, List<string>? skills, Validation v)
    {
        Check("queues", queues, 100, v);
        Check("skills", skills, 50, v);
    }

    private static void Check(string field, List<string>? values, int maxLength, Validation v)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > 50)
        {
            v.Add(field, "at most 50.");
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]) || values[i].Length > maxLength)
            {
                v.Add($"{field}[{i}]", $"must be 1 to {maxLength} characters.");
            }
        }
    }
}
