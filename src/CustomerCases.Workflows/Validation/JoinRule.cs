using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Validation;

/// <summary>
/// Warnings for joins that behave as Elsa specifies but not as designers read them (elsa-core #4889, #6725): a join
/// waiting for all branches behind exclusive outcomes of a decision never runs; an implicit join after a fork runs once
/// per arriving branch; an implicit join behind a decision ran differently in older Elsa versions.
/// </summary>
internal sealed class JoinRule : IDefinitionRule
{
    private static readonly HashSet<string> ExclusiveBranching = new(StringComparer.Ordinal) { "Elsa.FlowDecision", "Elsa.FlowSwitch" };

    public IEnumerable<ValidationIssue> Check(WorkflowDefinition definition, ActivityRegistry registry) => Check(definition.Root);

    private static IEnumerable<ValidationIssue> Check(FlowchartDefinition flowchart)
    {
        var graph = FlowGraph.For(flowchart);
        foreach (var target in flowchart.Activities)
        {
            var inbound = graph.ForwardInbound(target.Id);
            if (inbound.Count < 2) continue;
            var mode = MergeModes.Resolve(target);
            foreach (var branching in graph.ForwardAncestors(target.Id).Select(flowchart.Find).OfType<ActivityDefinition>())
            {
                if (!SplitsInbound(graph, branching, inbound)) continue;
                if (ExclusiveBranching.Contains(branching.Type) && mode is MergeMode.Converge or MergeMode.Merge)
                    yield return new ValidationIssue(ValidationSeverity.Warning, target.Id,
                        $"'{target.Id}' waits for all inbound branches, but they come from exclusive outcomes of '{branching.Id}': it will never run. Use a FlowJoin in WaitAny or WaitAllActive mode.");
                else if (ExclusiveBranching.Contains(branching.Type) && mode == MergeMode.Stream && target.MergeMode is null && target.Type != MergeModes.FlowJoinType)
                    yield return new ValidationIssue(ValidationSeverity.Warning, target.Id,
                        $"'{target.Id}' implicitly joins exclusive outcomes of '{branching.Id}': it runs for whichever branch was taken, but older Elsa versions waited for every branch here and blocked. Make the intent explicit with a FlowJoin (WaitAny) or customProperties.mergeMode.");
                else if (branching.Type == "Elsa.FlowFork" && mode == MergeMode.Stream && target.Type != MergeModes.FlowJoinType)
                    yield return new ValidationIssue(ValidationSeverity.Warning, target.Id,
                        $"'{target.Id}' has {inbound.Count} inbound connections after fork '{branching.Id}' and no merge mode: it may run once per branch. Add a FlowJoin (WaitAll) to run it once.");
            }
        }

        foreach (var nested in flowchart.Activities.Select(a => a.Flowchart ?? a.Body?.Flowchart).OfType<FlowchartDefinition>())
        {
            foreach (var issue in Check(nested)) yield return issue;
        }
    }

    /// <summary>True when different outbound ports of <paramref name="branching"/> lead to different inbound connections.</summary>
    private static bool SplitsInbound(FlowGraph graph, ActivityDefinition branching, IReadOnlyList<ConnectionDefinition> inbound)
    {
        var portsPerInbound = inbound.Select(c => graph.Outbound(branching.Id)
                .Where(o => o.TargetId == c.SourceId || graph.ForwardAncestors(c.SourceId).Contains(o.TargetId))
                .Select(o => o.SourcePort).ToHashSet(StringComparer.Ordinal))
            .Where(ports => ports.Count > 0)
            .ToList();
        return portsPerInbound.Count >= 2 && portsPerInbound.Any(a => portsPerInbound.Any(b => !a.SetEquals(b)));
    }
}
