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

    /// <summary>
    /// One spelling per path: a leading slash, no trailing one, literal text in lower case (paths match case-insensitively);
    /// route parameters (<c>{Id}</c>) keep their case, because their names are the keys of the route values.
    /// </summary>
    public static string NormalizePath(string path)
    {
        var trimmed = path.Trim().Trim('/');
        var chars = trimmed.ToCharArray();
        var depth = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            depth += chars[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0 && chars[i] != '}') chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return "/" + new string(chars);
    }
}
