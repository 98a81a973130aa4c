using System.Text.Json.Nodes;

namespace CustomerCases.Api.Features.Elsa.Shared;

/// <summary>
/// How Studio shows one activity's run (instance viewer, activity Test tab): "State" from <c>activityState</c>,
/// "Outcomes" from <c>payload.Outcomes</c> (Elsa's spelling), "Output" from <c>outputs</c>. Our journal payload keeps
/// its own lower-case <c>outcomes</c> (the journal API answers it as stored); what else the activity recorded there —
/// a WriteLine's text, a SetVariable's variable — is what Studio can show as its state.
/// </summary>
internal static class StudioExecutionView
{
    public static (JsonObject State, JsonObject? Payload) From(JsonObject? journalPayload)
    {
        var state = journalPayload?.DeepClone() as JsonObject ?? [];
        var outcomes = state["outcomes"]?.DeepClone();
        state.Remove("outcomes");
        var payload = (JsonObject)state.DeepClone();
        if (outcomes is not null)
        {
            payload["Outcomes"] = outcomes;
        }

        return (state, payload.Count == 0 ? null : payload);
    }
}
