using CustomerCases.Api.Features.Shared;
using CustomerCases.Domain.Work;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Agents;

/// <summary>
/// POST /api/queues <c>{name, strategy, skillsTimeout, overdueQueue}</c> — a queue workflows can send tasks to;
/// <c>overdueQueue</c> is the supervisor queue its tasks move to when still open past their due time.
/// </summary>
internal static class CreateQueue
{
    internal sealed record Request(string? Name, string? Strategy, TimeSpan? SkillsTimeout, string? OverdueQueue = null);

    public static async Task<IResult> HandleAsync(Request request, CustomerCasesDbContext db, TimeProvider time, CancellationToken ct)
    {
        var v = new Validation().Require("name", request.Name, 100);
        var strategy = v.Enum<RoutingStrategy>("strategy", request.Strategy) ?? RoutingStrategy.Pull;
        if (request.SkillsTimeout is { } timeout && (timeout < TimeSpan.Zero || timeout > TimeSpan.FromDays(30)))
        {
            v.Add("skillsTimeout", "must be between 00:00:00 and 30.00:00:00.");
        }

        v.MaxLength("overdueQueue", request.OverdueQueue, 100);
        if (request.Name is not null && request.OverdueQueue is not null && WorkQueue.NormaliseName(request.OverdueQueue) == WorkQueue.NormaliseName(request.Name))
        {
            v.Add("overdueQueue", "must be another queue: overdue tasks move away from this one.");
        }

        if (!v.IsValid)
        {
            return v.Problem();
        }

        var queue = WorkQueue.Create(request.Name!, strategy, request.SkillsTimeout, time.GetUtcNow(), request.OverdueQueue);
        if (await db.WorkQueues.AnyAsync(q => q.Name == queue.Name, ct))
        {
            return ApiProblems.Conflict("queue_exists", "Queue exists", $"A queue named '{queue.Name}' already exists.");
        }

        db.WorkQueues.Add(queue);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return ApiProblems.Conflict("queue_exists", "Queue exists", $"A queue named '{queue.Name}' already exists.");
        }

        return Results.Created($"/api/queues/{queue.Name}", new QueueResponse(queue.Id, queue.Name, queue.Strategy, queue.SkillsTimeout, [], 0, queue.CreatedAt, queue.OverdueQueue));
    }
}
