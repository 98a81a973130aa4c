using System.Globalization;

namespace CustomerCases.Domain.Work.Routing;

/// <summary>
/// Routing as a pure function: (strategy, task, queue members, now) → decision. Only available members under capacity
/// are offered work; when none is, the decision assigns nobody and the task keeps waiting in its queue.
/// </summary>
public static class TaskRouter
{
    public const string DirectStrategy = "Direct";

    public static RoutingDecision Decide(RoutingStrategy strategy, RoutingTask task, IReadOnlyList<RoutingCandidate> members,
        DateTimeOffset now, TimeSpan skillsTimeout)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(members);
        var ordered = members.OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.AgentId).ToList();
        if (task.RequestedAssignee is { } requested && Find(ordered, requested) is { } wanted)
        {
            return DecideDirect(strategy, wanted, ordered, now);
        }

        return strategy switch
        {
            RoutingStrategy.Pull => Pull(ordered, now),
            RoutingStrategy.RoundRobin => Rank(strategy, ordered, ByIdleLongest, "idle longest", now),
            RoutingStrategy.LeastLoaded => Rank(strategy, ordered, ByMostFree, "most free capacity", now),
            RoutingStrategy.Skills => Skills(task, ordered, now, skillsTimeout),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
        };
    }

    private static RoutingCandidate? Find(List<RoutingCandidate> members, string requested) =>
        members.FirstOrDefault(m => m.AgentId.ToString() == requested)
        ?? members.FirstOrDefault(m => string.Equals(m.Name, requested, StringComparison.OrdinalIgnoreCase));

    /// <summary>The workflow named the agent: he gets it as soon as he can take it; until then it waits for him.</summary>
    private static RoutingDecision DecideDirect(RoutingStrategy queueStrategy, RoutingCandidate wanted, List<RoutingCandidate> members, DateTimeOffset now)
    {
        var blocker = Ineligibility(wanted);
        var verdicts = members.Select(m => m == wanted
            ? new CandidateVerdict(m.AgentId, m.Name, blocker is null, blocker is null, blocker ?? "requested by the workflow")
            : new CandidateVerdict(m.AgentId, m.Name, false, false, "the workflow asked for another agent")).ToList();
        return blocker is null
            ? new(DirectStrategy, wanted.AgentId, $"{wanted.Name} was requested by the workflow.", false, verdicts, now)
            : new(DirectStrategy, null, $"Waiting for the requested agent {wanted.Name}: {blocker} (queue strategy {queueStrategy} not used).", false, verdicts, now);
    }

    private static RoutingDecision Pull(List<RoutingCandidate> members, DateTimeOffset now)
    {
        var verdicts = members.Select(m => Ineligibility(m) is { } reason
            ? new CandidateVerdict(m.AgentId, m.Name, false, false, reason)
            : new CandidateVerdict(m.AgentId, m.Name, true, false, "may claim it (pull queue)")).ToList();
        return new(nameof(RoutingStrategy.Pull), null, "Pull queue: the task waits until an agent claims it.", false, verdicts, now);
    }

    private static RoutingDecision Skills(RoutingTask task, List<RoutingCandidate> members, DateTimeOffset now, TimeSpan timeout)
    {
        var required = Agent.NormaliseSkills(task.RequiredSkills);
        var relaxAt = task.QueuedAt + timeout;
        var relaxed = now >= relaxAt;
        var skilled = members.Where(m => Missing(m, required).Count == 0).ToList();
        var anySkilledEligible = skilled.Any(m => Ineligibility(m) is null);
        // Relax only when nobody with the skills can take it now: a skilled member is always preferred.
        var relax = relaxed && !anySkilledEligible;
        var decision = Rank(RoutingStrategy.Skills, members, ByMostFree, "most free capacity among the skilled", now,
            m => relax || Missing(m, required).Count == 0 ? null : "missing skills: " + string.Join(", ", Missing(m, required)));
        if (decision.Assigns || required.Count == 0)
        {
            return relax
                ? decision with { SkillsRelaxed = true, Summary = $"No member with {string.Join(", ", required)} could take it for {timeout}; relaxed to any member. " + decision.Summary }
                : decision;
        }

        return decision with
        {
            Summary = relaxed
                ? "Nobody can take it now, not even with the skills relaxed. " + decision.Summary
                : $"Waiting for a member with {string.Join(", ", required)}; any member may take it from {relaxAt.ToString("O", CultureInfo.InvariantCulture)}.",
        };
    }

    /// <summary>Picks the best eligible member by <paramref name="order"/> and explains every verdict.</summary>
    private static RoutingDecision Rank(RoutingStrategy strategy, List<RoutingCandidate> members,
        Func<IEnumerable<RoutingCandidate>, IOrderedEnumerable<RoutingCandidate>> order, string criterion, DateTimeOffset now,
        Func<RoutingCandidate, string?>? extraRule = null)
    {
        var reasons = members.ToDictionary(m => m.AgentId, m => Ineligibility(m) ?? extraRule?.Invoke(m));
        var ranked = order(members.Where(m => reasons[m.AgentId] is null)).ToList();
        var chosen = ranked.FirstOrDefault();
        var verdicts = members.Select(m =>
        {
            if (reasons[m.AgentId] is { } reason)
            {
                return new CandidateVerdict(m.AgentId, m.Name, false, false, reason);
            }

            var rank = ranked.IndexOf(m) + 1;
            return m == chosen
                ? new CandidateVerdict(m.AgentId, m.Name, true, true, $"chosen: {criterion} ({Describe(m)})")
                : new CandidateVerdict(m.AgentId, m.Name, true, false, $"eligible, ranked {rank} of {ranked.Count} by {criterion} ({Describe(m)})");
        }).ToList();
        var summary = chosen is null
            ? members.Count == 0 ? "The queue has no members; the task waits." : "No member is available with free capacity; the task waits in the queue."
            : $"{chosen.Name}: {criterion} of {ranked.Count} eligible member(s).";
        return new(strategy.ToString(), chosen?.AgentId, summary, false, verdicts, now);
    }

    /// <summary>Why a member cannot be offered work at all, or null when he can.</summary>
    private static string? Ineligibility(RoutingCandidate m) =>
        m.Presence != AgentPresence.Available ? $"not available ({m.Presence})"
        : m.OpenTasks >= m.Capacity ? $"at capacity ({m.OpenTasks}/{m.Capacity})"
        : null;

    private static List<string> Missing(RoutingCandidate m, IReadOnlyList<string> required) =>
        required.Except(m.Skills, StringComparer.OrdinalIgnoreCase).ToList();

    // Ties fall through to fewer open tasks, then name: deterministic, and it spreads work when assignments share a timestamp.
    private static IOrderedEnumerable<RoutingCandidate> ByIdleLongest(IEnumerable<RoutingCandidate> members) =>
        members.OrderBy(m => m.LastAssignedAt ?? DateTimeOffset.MinValue).ThenBy(m => m.OpenTasks).ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.AgentId);

    private static IOrderedEnumerable<RoutingCandidate> ByMostFree(IEnumerable<RoutingCandidate> members) =>
        members.OrderByDescending(m => m.FreeCapacity).ThenBy(m => m.LastAssignedAt ?? DateTimeOffset.MinValue).ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.AgentId);

    private static string Describe(RoutingCandidate m) =>
        $"{m.OpenTasks}/{m.Capacity} open, last assigned {(m.LastAssignedAt is { } t ? t.ToString("O", CultureInfo.InvariantCulture) : "never")}";
}
