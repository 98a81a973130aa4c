using System.Globalization;
using System.Text.Json.Nodes;

namespace CustomerCases.Workflows.Runtime;

/// <summary>
/// The stimulus of an SLA warning or breach on a case, waited for by <c>CustomerCases.WaitForSla</c>: one bookmark for
/// any metric (payload <c>{caseId}</c>) or for one metric (<c>{caseId, metric}</c>). The host resumes both forms.
/// </summary>
public static class SlaStimuli
{
    /// <summary>Bookmark name of <c>CustomerCases.WaitForSla</c>.</summary>
    public const string Name = "CustomerCases.Sla";

    /// <summary>Trigger name: an SLA event starts workflows whose <c>CustomerCases.WaitForSla</c> can start them.</summary>
    public const string TriggerName = "CustomerCases.SlaEvent";

    /// <summary>The trigger stimulus (no payload: the event's details are the started workflow's input).</summary>
    public static Stimulus Triggered() => new(TriggerName, null);

    public static Stimulus For(Guid caseId, string? metric = null)
    {
        var payload = new JsonObject { ["caseId"] = caseId.ToString("D", CultureInfo.InvariantCulture) };
        if (metric is not null)
        {
            payload["metric"] = metric;
        }

        return new Stimulus(Name, payload);
    }
}
