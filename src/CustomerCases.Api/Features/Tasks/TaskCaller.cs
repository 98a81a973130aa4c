using System.Security.Claims;
using CustomerCases.Api.Auth;
using CustomerCases.Domain.Access;
using CustomerCases.Domain.Common;
using CustomerCases.Domain.Work;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Tasks;

/// <summary>
/// Who calls the task API: an agent (found by his API key) sees and works the tasks of his queues; a manager (or
/// admin) sees and may act on all of them.
/// </summary>
internal sealed record TaskCaller(Agent? Agent, bool IsManager, Actor Actor)
{
    public Guid? AgentId => Agent?.Id;

    public static async Task<TaskCaller> ResolveAsync(ClaimsPrincipal user, CustomerCasesDbContext db, CancellationToken ct, bool tracked = false)
    {
        var isManager = user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin);
        Agent? agent = null;
        if (Guid.TryParse(user.KeyId(), out var keyId))
        {
            ct.ThrowIfCancellationRequested();
            agent = await TaskQueries.AgentByKey(db, keyId, tracked);
        }

        return new TaskCaller(agent, isManager, agent?.ToActor() ?? user.ToActor());
    }

    /// <summary>A caller with role agent but no agent record cannot work tasks.</summary>
    public bool CanWork => Agent is not null || IsManager;

    public bool CanSee(HumanTask task) =>
        IsManager || (Agent is { } a && (a.IsMemberOf(task.Queue) || task.AssigneeId == a.Id));

    /// <summary>The agent acting on a task, or null for a manager acting with authority over every task.</summary>
    public Guid? ActingAgentId => IsManager ? null : AgentId;
}
