using CustomerCases.Api.Features.Shared;
using CustomerCases.Domain.Work;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Agents;

/// <summary>POST /api/queues <c>{name, strategy, skillsTimeout}</c> — a queue workflows can send tasks to.</summary>
internal static class CreateQueue
{
    internal sealed record Request(string? Name, string? Strategy, TimeSpan? SkillsTimeout);

    public static async Task<IResult> HandleAsync(Request request, CustomerCasesDbContext db, TimeProvider time, CancellationToken ct)
    {
        var v = new Validation().Require("name", request.Name, 100);
        var strategy = v.Enum<RoutingStrategy>("strategy", request.Strategy) ?? RoutingStrategy.Pull;
        if (request.SkillsTimeout is { } timeout && (timeout < TimeSpan.Zero || timeout > TimeSpan.FromDays(30)))
        {
            v.Add("skillsTimeout", "must be between 00:00:00 and 30.00:00:00.");
        }

        if (!v.IsValid)
        {
            return v.Problem();
        }

        var queue = WorkQueue.Create(request.Name!, strategy, request.SkillsTimeout, time.GetUtcNow());
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

        return Results.Created($"/api/queues/{queue.Name}", new QueueResponse(queue.Id, queue.Name, queue.Strategy, queue.SkillsTimeout, [], 0, queue.CreatedAt));
    }
}
