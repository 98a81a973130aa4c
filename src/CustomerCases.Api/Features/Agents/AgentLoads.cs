using CustomerCases.Domain.Work;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Agents;

internal static class AgentLoads
{
    /// <summary>Open (assigned) tasks per agent, as stored.</summary>
    public static Task<Dictionary<Guid, int>> OpenTasksAsync(CustomerCasesDbContext db, CancellationToken ct) =>
        db.HumanTasks.AsNoTracking().Where(t => t.Status == HumanTaskStatus.Assigned && t.AssigneeId != null)
            .GroupBy(t => t.AssigneeId!.Value).Select(g => new { Agent = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Agent, x => x.Count, ct);

    /// <summary>Queue names that do not exist, for a 400 that names them (a typo would leave an agent without work).</summary>
    public static async Task<List<string>> UnknownQueuesAsync(CustomerCasesDbContext db, IEnumerable<string> queues, CancellationToken ct)
    {
        var names = queues.Select(WorkQueue.NormaliseName).Distinct().ToList();
        var known = await db.WorkQueues.AsNoTracking().Where(q => names.Contains(q.Name)).Select(q => q.Name).ToListAsync(ct);
        return names.Except(known).ToList();
    }
}
