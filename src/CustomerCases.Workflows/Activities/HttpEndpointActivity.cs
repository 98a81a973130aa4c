using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Expressions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary>
/// <c>Elsa.HttpEndpoint</c>: a trigger or a wait on <c>path</c> + <c>supportedMethods</c> (the host routes
/// <c>/workflows/{path}</c>). The request arrives as input <c>{body, query, headers, routeData}</c>.
/// </summary>
internal sealed class HttpEndpointActivity : IActivity, ITriggerActivity
{
    public string Type => "Elsa.HttpEndpoint";

    public IReadOnlyList<string> RequiredInputs => ["path"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.IsTriggerOfWorkflow) return Received(context);
        var path = await context.EvaluateStringAsync("path");
        if (string.IsNullOrWhiteSpace(path)) throw new WorkflowFaultException("HttpEndpoint needs a path.");
        foreach (var method in Methods(JsonValues.AsStringList(await context.EvaluateAsync("supportedMethods"))))
        {
            var stimulus = Stimuli.HttpEndpoint(path, method);
            context.CreateBookmark(stimulus.Name, stimulus.Payload);
        }

        return ActivityResult.Suspended;
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context) => ValueTask.FromResult(Received(context));

    public IEnumerable<Stimulus> GetTriggerStimuli(ActivityDefinition activity) =>
        LiteralInputs.Text(activity, "path") is { Length: > 0 } path
            ? Methods(LiteralInputs.List(activity, "supportedMethods")).Select(m => Stimuli.HttpEndpoint(path, m))
            : [];

    /// <summary>Methods upper-cased; GET when none is given.</summary>
    public static IReadOnlyList<string> Methods(IReadOnlyList<string> methods) =>
        methods.Count == 0 ? ["GET"] : methods.Select(m => m.ToUpperInvariant()).Distinct().ToArray();

    private static ActivityResult Received(ActivityContext context)
    {
        context.SetOutput("ParsedContent", context.Input?["body"]);
        context.SetOutput("QueryStringData", context.Input?["query"]);
        context.SetOutput("RouteData", context.Input?["routeData"]);
        context.SetOutput("Headers", context.Input?["headers"]);
        return ActivityResult.Done;
    }
}
