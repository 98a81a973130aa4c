using System.Text.Json;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Expressions;

namespace CustomerCases.Workflows.Activities;

/// <summary><c>Elsa.FlowSwitch</c>: <c>cases</c> of <c>{label, condition}</c>; MatchFirst (default) or MatchAny; else <c>Default</c>.</summary>
internal sealed class FlowSwitchActivity : IActivity
{
    public const string DefaultOutcome = "Default";

    public string Type => "Elsa.FlowSwitch";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var matchAny = string.Equals(await context.EvaluateStringAsync("mode"), "MatchAny", StringComparison.OrdinalIgnoreCase);
        var matches = new List<string>();
        foreach (var (label, condition) in Cases(context.Activity))
        {
            if (!JsonValues.AsBoolean(await context.EvaluateAsync(condition, $"cases[{label}]"))) continue;
            matches.Add(label);
            if (!matchAny) break;
        }

        return ActivityResult.Completed(matches.Count > 0 ? [.. matches] : [DefaultOutcome]);
    }

    internal static IEnumerable<(string Label, ExpressionDefinition? Condition)> Cases(ActivityDefinition activity)
    {
        foreach (var c in ((JsonElement?)activity.GetProperty("cases")).Items())
        {
            var label = c.Text("label") ?? "";
            var condition = c.Child("condition") is { ValueKind: JsonValueKind.Object } e
                ? new ExpressionDefinition(e.Text("type") ?? "Literal", e.TryGetProperty("value", out var v) ? v : default, "Boolean")
                : null;
            yield return (label, condition);
        }
    }
}
