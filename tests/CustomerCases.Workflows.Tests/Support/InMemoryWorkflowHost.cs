using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Tests.Support;

/// <summary>
/// A reference host kept in dictionaries. It specifies what the durable host must do with an <see cref="ExecutionResult"/>:
/// commit state, bookmarks, timers and journal together (one "transaction": <see cref="Commit"/>), then carry out the
/// effects; route stimuli by hash (triggers start instances, bookmarks resume them); fire timers from the clock.
/// </summary>
internal sealed class InMemoryWorkflowHost(TestEngine engine)
{
    private int _nextInstance;

    public Dictionary<string, WorkflowDefinition> Definitions { get; } = [];

    public List<WorkflowTrigger> Triggers { get; } = [];

    public Dictionary<string, WorkflowState> Instances { get; } = [];

    /// <summary>Bookmark rows: bookmark id → (instance id, bookmark).</summary>
    public Dictionary<string, (string InstanceId, Bookmark Bookmark)> Bookmarks { get; } = [];

    public List<TimerRequest> Timers { get; } = [];

    public List<JournalEntry> Journal { get; } = [];

    public List<TaskRequest> Tasks { get; } = [];

    public List<HttpResponseEffect> HttpResponses { get; } = [];

    /// <summary>
    /// Stimuli that matched nothing yet: a reply can arrive before the bookmark waiting for it is committed. They are
    /// retried whenever a commit adds bookmarks, until <see cref="StimulusTimeToLive"/> has passed (Elsa's bookmark queue).
    /// </summary>
    public List<(Stimulus Stimulus, JsonObject? Input, string? CorrelationId, DateTimeOffset ExpiresAt)> PendingStimuli { get; } = [];

    public TimeSpan StimulusTimeToLive { get; set; } = TimeSpan.FromMinutes(1);

    public void Publish(WorkflowDefinition definition)
    {
        Definitions[definition.DefinitionId] = definition;
        Triggers.RemoveAll(t => t.DefinitionId == definition.DefinitionId);
        Triggers.AddRange(engine.Engine.GetTriggers(definition));
    }

    public IEnumerable<JournalEntry> JournalOf(string instanceId) => Journal.Where(e => InstanceOf(e) == instanceId);

    public async Task<ExecutionResult> StartAsync(string definitionId, JsonObject? input = null, string? correlationId = null,
        string? triggerActivityId = null, JsonObject? triggerInput = null, string? instanceId = null, string? parentId = null)
    {
        var id = instanceId ?? $"wf-{++_nextInstance}";
        var result = await engine.Engine.StartAsync(Definitions[definitionId],
            new StartRequest(id, input, correlationId, triggerActivityId, triggerInput, parentId));
        await CommitAndRunEffectsAsync(result);
        return result;
    }

    /// <summary>Delivers a stimulus: starts instances from matching triggers (unless scoped to an instance), then resumes matching bookmarks.</summary>
    public async Task<IReadOnlyList<ExecutionResult>> SendAsync(Stimulus stimulus, JsonObject? input = null, string? correlationId = null, string? instanceId = null)
    {
        var results = new List<ExecutionResult>();
        if (instanceId is null)
        {
            foreach (var trigger in Triggers.Where(t => t.Hash == stimulus.Hash).ToList())
                results.Add(await StartAsync(trigger.DefinitionId, input, correlationId, trigger.ActivityId, input));
        }

        var targets = Bookmarks.Values.Where(b => b.Bookmark.Hash == stimulus.Hash)
            .Where(b => instanceId is null || b.InstanceId == instanceId)
            .Where(b => correlationId is null || Instances[b.InstanceId].CorrelationId == correlationId)
            .Select(b => b.InstanceId).Distinct().ToList();
        foreach (var target in targets)
            results.Add(await ResumeAsync(target, ResumeRequest.ByStimulus(stimulus, input)));
        if (results.Count == 0 && instanceId is null)
            PendingStimuli.Add((stimulus, input, correlationId, engine.Clock.GetUtcNow() + StimulusTimeToLive));
        return results;
    }

    public async Task<ExecutionResult> ResumeAsync(string instanceId, ResumeRequest request)
    {
        var state = Instances[instanceId];
        var result = await engine.Engine.ResumeAsync(Definitions[state.DefinitionId], state, request);
        await CommitAndRunEffectsAsync(result);
        return result;
    }

    public Task<ExecutionResult> CompleteTaskAsync(string taskId, JsonNode? result)
    {
        var task = Tasks.Single(t => t.TaskId == taskId);
        Tasks.Remove(task);
        return ResumeAsync(task.InstanceId, ResumeRequest.ById(task.BookmarkId, new JsonObject { ["result"] = result }));
    }

    /// <summary>Advances the fake clock and fires every due timer in due order, as the host's timer poller would.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        engine.Clock.Advance(by);
        while (Timers.Where(t => t.DueAt <= engine.Clock.GetUtcNow()).MinBy(t => t.DueAt) is { } due)
        {
            Timers.Remove(due);
            if (Bookmarks.ContainsKey(due.BookmarkId)) await ResumeAsync(due.InstanceId, ResumeRequest.ById(due.BookmarkId));
        }
    }

    /// <summary>The single transaction of the durable host: state, bookmark rows, timer rows and journal together.</summary>
    private void Commit(ExecutionResult result)
    {
        var id = result.State.InstanceId;
        Instances[id] = result.State;
        foreach (var burned in result.BurnedBookmarks)
        {
            Bookmarks.Remove(burned.Id);
            Timers.RemoveAll(t => t.BookmarkId == burned.Id);
        }

        foreach (var created in result.NewBookmarks) Bookmarks[created.Id] = (id, created);
        Timers.AddRange(result.TimerRequests);
        foreach (var entry in result.Journal) _journalInstances[entry] = id;
        Journal.AddRange(result.Journal);
    }

    private readonly Dictionary<JournalEntry, string> _journalInstances = new(ReferenceEqualityComparer.Instance);

    private string InstanceOf(JournalEntry entry) => _journalInstances[entry];

    private async Task CommitAndRunEffectsAsync(ExecutionResult result)
    {
        if (result.TriggerDeclined || result.BookmarkNotFound) return;
        Commit(result);
        var state = result.State;
        Tasks.AddRange(result.Effects.TaskRequests);
        HttpResponses.AddRange(result.Effects.HttpResponses);
        foreach (var dispatch in result.Effects.DispatchRequests)
            await StartAsync(dispatch.DefinitionId, dispatch.Input, dispatch.CorrelationId, instanceId: dispatch.ChildInstanceId, parentId: dispatch.ParentInstanceId);
        foreach (var published in result.Effects.PublishedEvents)
        {
            var input = new JsonObject { ["payload"] = published.Payload?.DeepClone() };
            await SendAsync(Stimuli.Event(published.EventName), input, published.CorrelationId, published.IsLocal ? published.SourceInstanceId : null);
        }

        if (result.NewBookmarks.Count > 0) await DeliverPendingStimuliAsync(result.NewBookmarks);
        if (state is { Status: WorkflowStatus.Finished, ParentInstanceId: { } parent } && Instances.ContainsKey(parent))
        {
            var output = new JsonObject(state.Output.Select(o => KeyValuePair.Create(o.Key, o.Value?.DeepClone())));
            await SendAsync(Stimuli.ChildCompleted(state.InstanceId), output, instanceId: parent);
        }
    }

    private async Task DeliverPendingStimuliAsync(IReadOnlyList<Bookmark> created)
    {
        PendingStimuli.RemoveAll(p => p.ExpiresAt < engine.Clock.GetUtcNow());
        foreach (var pending in PendingStimuli.Where(p => created.Any(b => b.Hash == p.Stimulus.Hash)).ToList())
        {
            PendingStimuli.Remove(pending);
            await SendAsync(pending.Stimulus, pending.Input, pending.CorrelationId);
        }
    }
}
