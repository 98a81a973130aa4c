using System.Text.Json.Nodes;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Workflows;
using CustomerCases.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Workflows;

/// <summary>
/// The durable host of the engine. Every method only stages changes in the caller's DbContext — instance state,
/// bookmarks, timers, journal, the case changes made by case activities, child workflows and local events — so the
/// caller commits one execution (and everything it caused) in one transaction. After the commit, the caller hands
/// <see cref="PendingTimers"/> to the <see cref="WorkflowTimerScheduler"/>.
/// </summary>
internal sealed partial class WorkflowRuntime(
    CustomerCasesDbContext db,
    WorkflowEngine engine,
    WorkflowDefinitionStore definitions,
    RunnableVersions versions,
    TimeProvider time,
    ILogger<WorkflowRuntime> logger,
    IEnumerable<IWorkflowExecutionObserver> observers)
{
    private const int MaxCascade = 32;
    private readonly List<WorkflowTimerRecord> _pendingTimers = [];
    private readonly List<(string Hash, string? CorrelationId, string InstanceId)> _unmatchedBookmarks = [];
    private readonly List<(string Hash, string? CorrelationId, string? InstanceId)> _queuedStimuli = [];
    private int _cascadeDepth;

    /// <summary>Takes the timers staged since the last call, to be scheduled with Hangfire once committed.</summary>
    public IReadOnlyList<WorkflowTimerRecord> TakePendingTimers()
    {
        var taken = _pendingTimers.ToList();
        _pendingTimers.Clear();
        _unmatchedBookmarks.Clear();
        _queuedStimuli.Clear();
        return taken;
    }

    /// <summary>Forgets what a rolled-back unit of work staged (its timers were never committed).</summary>
    public void DiscardStaged()
    {
        _pendingTimers.Clear();
        _unmatchedBookmarks.Clear();
        _queuedStimuli.Clear();
    }

    /// <summary>Starts every published workflow whose trigger matches the stimulus (e.g. CaseCreated).</summary>
    public async Task<IReadOnlyList<InstanceRun>> TriggerAsync(Stimulus stimulus, string? correlationId, JsonObject? input, CancellationToken ct)
    {
        var hash = stimulus.Hash;
        var triggers = await WorkflowQueries.TriggersByHash(db, hash).ToListAsync(ct);
        var runs = new List<InstanceRun>();
        foreach (var trigger in triggers.OrderBy(t => t.DefinitionId, StringComparer.Ordinal))
        {
            var version = await versions.FindAsync(trigger.DefinitionVersionId, ct);
            if (version is null)
            {
                continue;
            }

            var run = await StartAsync(version, input, correlationId, trigger.ActivityId, stimulus.Payload, parentInstanceId: null, ct);
            if (run is not null)
            {
                runs.Add(run);
            }
        }

        return runs;
    }

    /// <summary>Starts one instance of a definition version; null when its trigger condition declined.</summary>
    public Task<InstanceRun?> StartAsync(WorkflowDefinitionRecord version, JsonObject? input, string? correlationId,
        string? triggerActivityId, JsonObject? triggerInput, string? parentInstanceId, CancellationToken ct, string? instanceId = null) =>
        StartAsync(versions.From(version), input, correlationId, triggerActivityId, triggerInput, parentInstanceId, ct, instanceId);

    public async Task<InstanceRun?> StartAsync(RunnableVersion version, JsonObject? input, string? correlationId,
        string? triggerActivityId, JsonObject? triggerInput, string? parentInstanceId, CancellationToken ct, string? instanceId = null)
    {
        var definition = version.Definition;
        // Time-ordered (UUID v7): the instance's primary key and the journal's instance index then grow at their right
        // edge instead of dirtying a random index page per new instance.
        var id = instanceId ?? Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        var result = await engine.StartAsync(definition, new StartRequest(id, input, correlationId, triggerActivityId, triggerInput, parentInstanceId), ct);
        if (result.TriggerDeclined)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var instance = new WorkflowInstanceRecord
        {
            Id = id,
            DefinitionId = version.DefinitionId,
            DefinitionVersionId = version.Id,
            Version = version.Version,
            ParentInstanceId = parentInstanceId,
            CreatedAt = now,
        };
        db.WorkflowInstances.Add(instance);
        await ApplyAsync(instance, result, now, ct);
        return new InstanceRun(instance, result);
    }

    /// <summary>
    /// Resumes the bookmarks matching a stimulus, optionally only those of one correlation id or instance. A stimulus
    /// that finds no bookmark is queued (it may have overtaken its bookmark's commit) unless <paramref name="queueIfUnmatched"/> is false.
    /// </summary>
    public async Task<IReadOnlyList<InstanceRun>> ResumeAsync(Stimulus stimulus, string? correlationId, string? instanceId, JsonObject? input,
        CancellationToken ct, bool queueIfUnmatched = true)
    {
        var hash = stimulus.Hash;
        if (queueIfUnmatched)
        {
            await StimulusLock.AcquireAsync(db, hash, ct); // against a bookmark being committed while we queue
        }

        var bookmarks = await WorkflowQueries.BookmarksMatching(db, hash, correlationId, instanceId).ToListAsync(ct);
        bookmarks.AddRange(db.Tracked<BookmarkRecord>().Where(b => b.Hash == hash && !bookmarks.Contains(b)
            && (correlationId is null || b.CorrelationId == correlationId) && (instanceId is null || b.InstanceId == instanceId)));
        if (bookmarks.Count == 0)
        {
            if (queueIfUnmatched)
            {
                Queue(stimulus, correlationId, instanceId, input);
            }

            return [];
        }

        var runs = new List<InstanceRun>();
        foreach (var group in bookmarks.GroupBy(b => b.InstanceId))
        {
            var run = await ResumeInstanceAsync(group.Key, ResumeRequest.ByStimulus(stimulus, input), ct);
            if (run is not null)
            {
                runs.Add(run);
            }
        }

        return runs;
    }

    /// <summary>Resumes one bookmark by id (timers, task completion). Null when the bookmark no longer exists.</summary>
    public async Task<InstanceRun?> ResumeBookmarkAsync(string bookmarkId, JsonObject? input, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var bookmark = await WorkflowQueries.BookmarkById(db, bookmarkId);
        return bookmark is null ? null : await ResumeInstanceAsync(bookmark.InstanceId, ResumeRequest.ById(bookmarkId, input), ct);
    }

    public async Task<InstanceRun?> CancelAsync(string instanceId, CancellationToken ct, string? reason = null)
    {
        var instance = db.Tracked<WorkflowInstanceRecord>().SingleOrDefault(i => i.Id == instanceId)
            ?? await db.WorkflowInstances.SingleOrDefaultAsync(i => i.Id == instanceId, ct);
        if (instance is null || instance.Status == nameof(WorkflowStatus.Finished))
        {
            return null;
        }

        var version = await versions.FindAsync(instance.DefinitionVersionId, ct) ?? throw MissingVersion(instance);
        var result = await engine.CancelAsync(version.Definition, WorkflowStateSerializer.Deserialize(instance.StateJson), ct, reason);
        await ApplyAsync(instance, result, time.GetUtcNow(), ct);
        return new InstanceRun(instance, result);
    }

    private async Task<InstanceRun?> ResumeInstanceAsync(string instanceId, ResumeRequest request, CancellationToken ct)
    {
        var instance = db.Tracked<WorkflowInstanceRecord>().SingleOrDefault(i => i.Id == instanceId)
            ?? await WorkflowQueries.InstanceById(db, instanceId);
        if (instance is null || instance.Status == nameof(WorkflowStatus.Finished))
        {
            return null;
        }

        var version = await versions.FindAsync(instance.DefinitionVersionId, ct) ?? throw MissingVersion(instance);
        var result = await engine.ResumeAsync(version.Definition, WorkflowStateSerializer.Deserialize(instance.StateJson), request, ct);
        if (result.BookmarkNotFound)
        {
            return null;
        }

        await ApplyAsync(instance, result, time.GetUtcNow(), ct);
        return new InstanceRun(instance, result);
    }

    private static InvalidOperationException MissingVersion(WorkflowInstanceRecord instance) =>
        new($"Instance {instance.Id} is pinned to definition version {instance.DefinitionVersionId}, which no longer exists.");
}

/// <summary>An instance and what its last execution produced.</summary>
internal sealed record InstanceRun(WorkflowInstanceRecord Instance, ExecutionResult Result);
