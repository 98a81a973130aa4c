using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Workflows;
using EngineStimuli = CustomerCases.Workflows.Runtime.Stimuli;

namespace CustomerCases.Api.Features.Elsa.Stimuli;

/// <summary>
/// POST /elsa/api/events/{eventName}/trigger <c>{correlationId?, workflowInstanceId?, input?}</c> — resumes the Event
/// bookmarks waiting for it (optionally of one correlation id or instance), then, unless scoped to an instance,
/// starts the published workflows whose Event trigger matches. Resume comes first so that an instance the event
/// just started is not resumed by the same event. An event no bookmark waits for is queued by the runtime (it may
/// have overtaken its bookmark's commit); a resumed bookmark is burned in the same transaction, so the same event
/// sent twice advances a workflow once. On SQLite the workflows run before the write gate is taken
/// (<see cref="WorkflowWrite.RunReadFirstAsync"/>).
/// </summary>
internal static class TriggerEvent
{
    internal sealed record Request(string? CorrelationId, string? WorkflowInstanceId, JsonNode? Input);

    internal sealed record Response(IReadOnlyList<string> ResumedWorkflowInstanceIds, IReadOnlyList<string> StartedWorkflowInstanceIds, bool Queued);

    public static async Task<IResult> HandleAsync(string eventName, Request? request, [AsParameters] WorkflowWrite write, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(eventName) || eventName.Length > 200)
        {
            return ElsaProblems.BadRequest("eventName", "must be 1 to 200 characters.");
        }

        if (request?.CorrelationId is { Length: > 100 } || request?.WorkflowInstanceId is { Length: > 100 })
        {
            return ElsaProblems.BadRequest("correlationId", "correlationId and workflowInstanceId must be at most 100 characters.");
        }

        var stimulus = EngineStimuli.Event(eventName);
        var input = request?.Input;
        // The Event activity's Result is the payload; started workflows get the input as their workflow input.
        var resumeInput = input is null ? null : new JsonObject { ["payload"] = input.DeepClone() };
        var workflowInput = input as JsonObject ?? (input is null ? null : new JsonObject { ["payload"] = input.DeepClone() });
        return Results.Ok(await write.RunReadFirstAsync(async c =>
        {
            var resumed = await write.Runtime.ResumeAsync(stimulus, request?.CorrelationId, request?.WorkflowInstanceId, resumeInput, c);
            IReadOnlyList<InstanceRun> started = request?.WorkflowInstanceId is null
                ? await write.Runtime.TriggerAsync(stimulus, request?.CorrelationId, (JsonObject?)workflowInput?.DeepClone(), c)
                : [];
            return new Response(resumed.Select(r => r.Instance.Id).ToList(), started.Select(r => r.Instance.Id).ToList(), Queued: resumed.Count == 0);
        }, ct));
    }
}
