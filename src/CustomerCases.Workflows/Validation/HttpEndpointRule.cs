using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Validation;

/// <summary>Two HTTP endpoints may not claim the same path and method (Elsa refuses this on publish).</summary>
internal sealed class HttpEndpointRule : IDefinitionRule
{
    public IEnumerable<ValidationIssue> Check(WorkflowDefinition definition, ActivityRegistry registry)
    {
        var seen = new Dictionary<(string Path, string Method), string>();
        foreach (var activity in definition.AllActivities().Where(a => a.Type == "Elsa.HttpEndpoint"))
        {
            if (LiteralInputs.Text(activity, "path") is not { Length: > 0 } path) continue;
            foreach (var method in HttpEndpointActivity.Methods(LiteralInputs.List(activity, "supportedMethods")))
            {
                var key = (Stimuli.NormalizePath(path), method);
                if (seen.TryGetValue(key, out var first))
                    yield return new ValidationIssue(ValidationSeverity.Error, activity.Id,
                        $"HTTP endpoint {method} {key.Item1} is already handled by activity '{first}'.");
                else seen[key] = activity.Id;
            }
        }
    }
}
