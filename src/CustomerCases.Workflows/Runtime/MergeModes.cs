using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Runtime;

/// <summary>Resolves an activity's merge mode from <c>customProperties.mergeMode</c> or, for FlowJoin, its <c>mode</c> input.</summary>
internal static class MergeModes
{
    public const string FlowJoinType = "Elsa.FlowJoin";

    public static MergeMode Resolve(ActivityDefinition activity)
    {
        if (activity.Type == FlowJoinType)
        {
            return JoinMode(activity) switch
            {
                "WaitAll" => MergeMode.Converge,
                "WaitAllActive" => MergeMode.WaitAllActive,
                _ => MergeMode.Race,
            };
        }

        return Enum.TryParse<MergeMode>(activity.MergeMode, ignoreCase: true, out var mode) && mode != MergeMode.WaitAllActive
            ? mode
            : MergeMode.Stream;
    }

    /// <summary>FlowJoin's literal mode; Elsa's default is WaitAny.</summary>
    public static string JoinMode(ActivityDefinition join)
    {
        var text = join.GetInput("mode")?.ValueText ?? join.GetProperty("mode")?.ToString();
        foreach (var name in new[] { "WaitAllActive", "WaitAll", "WaitAny" })
        {
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase)) return name;
        }

        return text switch { "0" => "WaitAny", "1" => "WaitAll", "2" => "WaitAllActive", _ => "WaitAny" };
    }
}
