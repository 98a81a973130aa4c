using CustomerCases.Api.Features.Shared;
using CustomerCases.Domain.Work;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Agents;

/// <summary>GET /api/queues and GET /api/queues/{name} — with members and the number of tasks waiting.</summary>
internal static class ListQueues
{
    public static async Task<IResult> ListAsync(CustomerCasesDbContext db, CancellationToken ct) =>
        Results.Ok(await DescribeAsync(db, null, ct));

    public static async Task<IResult> GetAsync(string name, CustomerCasesDbContext db, CancellationToken ct) =>
        (await DescribeAsync(db, WorkQueue.NormaliseName(name), ct)).SingleOrDefault() is { } queue
            ? Results.Ok(queue)
            : ApiProblems.NotFound("Queue", name);

    private static async Task<List<QueueResponse>> DescribeAsync(CustomerCasesDbContext db, string? name, CancellationToken ct)
    {
        var queues = await db.WorkQueues.AsNoTracking().Where(q => name == null || q.Name == name).OrderBy(q => q.Name).ToListAsync(ct);
        var agents = await db.Agents.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        var waiting = await db.HumanTasks.AsNoTracking().Where(t => t.Status == HumanTaskStatus.Queued)
            .GroupBy(t => t.Queue).Select(g => new { Queue = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Queue, x => x.Count, ct);
        return queues.Select(q => new QueueResponse(q.Id, q.Name, q.Strategy, q.SkillsTimeout,
            agents.Where(a => a.IsMemberOf(q.Name)).Select(a => new QueueMember(a.Id, a.Name, a.Presence)).ToList(),
            waiting.GetValueOrDefault(q.Name), q.CreatedAt, q.OverdueQueue)).ToList();
    }
}
