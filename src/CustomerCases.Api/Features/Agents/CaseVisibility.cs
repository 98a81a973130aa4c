using System.Linq.Expressions;
using System.Security.Claims;
using CustomerCases.Api.Features.Tasks;
using CustomerCases.Domain.Access;
using CustomerCases.Domain.Cases;
using CustomerCases.Persistence;

namespace CustomerCases.Api.Features.Agents;

/// <summary>
/// Which cases a caller may read. An agent (a key linked to an agent record) sees the cases of his queues: the case's
/// queue is one of them, or it has a task in one of them or held by him. Managers and admins see everything; a key
/// with role agent that is linked to no agent keeps today's full view (keys made before agents existed).
/// </summary>
internal static class CaseVisibility
{
    /// <summary>The filter to apply, or null when the caller sees every case.</summary>
    public static async Task<Expression<Func<Case, bool>>?> FilterAsync(ClaimsPrincipal user, CustomerCasesDbContext db, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin) || !user.IsInRole(Roles.Agent))
        {
            return null;
        }

        var caller = await TaskCaller.ResolveAsync(user, db, ct);
        if (caller.Agent is not { } agent)
        {
            return null;
        }

        var queues = agent.Queues.ToList();
        var agentId = agent.Id;
        return c => (c.Queue != null && queues.Contains(c.Queue.ToLower()))
            || db.HumanTasks.Any(t => t.CaseId == c.Id && (queues.Contains(t.Queue) || t.AssigneeId == agentId));
    }
}
