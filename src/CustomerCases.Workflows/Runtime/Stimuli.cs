using System.Globalization;
using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

/// <summary>
/// The bookmark names and payloads the built-in activities wait for, so the host builds the exact stimulus (and hash)
/// that resumes them: an event arriving, a task completed, a customer replying, a child workflow finishing.
/// </summary>
public static class Stimuli
{
    /// <summary>Bookmark name of <c>Elsa.Event</c>.</summary>
    public const string EventName = "Elsa.Event";

    /// <summary>Bookmark name of <c>Elsa.RunTask</c>.</summary>
    public const string RunTaskName = "Elsa.RunTask";

    /// <summary>Bookmark name of <c>Elsa.HttpEndpoint</c>.</summary>
    public const string HttpEndpointName = "Elsa.HttpEndpoint";

    /// <summary>Bookmark name of <c>CustomerCases.WaitForCustomer</c>.</summary>
    public const string CustomerRepliedName = "CustomerCases.CustomerReplied";

    /// <summary>Bookmark name for a child workflow's completion.</summary>
    public const string ChildCompletedName = "Elsa.DispatchWorkflow";

    /// <summary>Bookmark name of the case-created trigger.</summary>
    public const string CaseCreatedName = "CustomerCases.CaseCreated";

    /// <summary>Payload of an event stimulus.</summary>
    public static Stimulus Event(string eventName) => new(EventName, new JsonObject { ["eventName"] = eventName });

    /// <summary>Payload of a completed task (Elsa's RunTaskStimulus).</summary>
    public static Stimulus RunTask(string taskId, string taskName) =>
        new(RunTaskName, new JsonObject { ["taskId"] = taskId, ["taskName"] = taskName });

    /// <summary>An HTTP request routed to <c>/workflows/{path}</c>.</summary>
    public static Stimulus HttpEndpoint(string path, string method) =>
        new(HttpEndpointName, new JsonObject { ["path"] = NormalizePath(path), ["method"] = method.ToUpperInvariant() });

    /// <summary>A customer message on a case.</summary>
    public static Stimulus CustomerReplied(Guid caseId) =>
        new(CustomerRepliedName, new JsonObject { ["caseId"] = caseId.ToString("D", CultureInfo.InvariantCulture) });

    /// <summary>A child workflow instance finished.</summary>
    public static Stimulus ChildCompleted(string childInstanceId) =>
        new(ChildCompletedName, new JsonObject { ["childInstanceId"] = childInstanceId });

    /// <summary>A case was created (trigger only).</summary>
    public static Stimulus CaseCreated() => new(CaseCreatedName, null);

    internal static string NormalizePath(string path) => "/" + path.Trim().Trim('/').ToLowerInvariant();
}
