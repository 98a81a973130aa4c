using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Expressions;

namespace CustomerCases.Workflows.Runtime;

internal sealed partial class WorkflowExecution
{
    public async Task StartAsync(StartRequest request)
    {
        var now = Now;
        State.InstanceId = request.InstanceId;
        State.DefinitionId = Definition.DefinitionId;
        State.DefinitionVersionId = Definition.Id;
        State.DefinitionVersion = Definition.Version;
        State.CorrelationId = request.CorrelationId;
        State.ParentInstanceId = request.ParentInstanceId;
        State.CreatedAt = now;
        State.Status = WorkflowStatus.Running;
        State.SubStatus = WorkflowSubStatus.Executing;
        foreach (var (key, value) in request.Input ?? []) State.Input[key] = value?.DeepClone();
        foreach (var (name, initial) in Plan.InitialValues) State.Variables[name] = initial?.DeepClone();

        var root = new FlowScopeState { ScopeId = NewId(), OwnerActivityId = Definition.Root.Id, FlowchartActivityId = Definition.Root.Id };
        State.Scopes.Add(root);
        Journal(Definition.Root.Id, "Elsa.Flowchart", null, root.ScopeId, JournalEvents.Started);
        var start = FlowGraph.For(Definition.Root).FindStart(request.TriggerActivityId);
        if (start is not null)
        {
            var item = Schedule(root, start.Id);
            if (request.TriggerActivityId == start.Id) _triggerInstanceId = item.ActivityInstanceId;
        }

        _triggerInput = request.TriggerInput;
        await DrainAsync();
    }

    /// <summary>Resumes matching bookmarks; false when none matched (nothing ran).</summary>
    public async Task<bool> ResumeAsync(ResumeRequest request)
    {
        var hash = request.Stimulus?.Hash;
        var matches = State.Bookmarks
            .Where(b => (request.BookmarkId is not null && b.Id == request.BookmarkId) || (hash is not null && b.Hash == hash))
            .ToList();
        if (matches.Count == 0 || State.Status != WorkflowStatus.Running) return false;

        State.SubStatus = WorkflowSubStatus.Executing;
        foreach (var bookmark in matches)
        {
            if (!State.Bookmarks.Remove(bookmark) || State.Status != WorkflowStatus.Running) continue;
            if (FindScope(bookmark.ScopeId) is not { } scope || FlowchartOf(scope).Find(bookmark.ActivityId) is not { } activity) continue;
            await RunActivityAsync(scope, activity, bookmark.ActivityInstanceId, bookmark, request.Input);
            await DrainAsync();
        }

        return true;
    }
}
