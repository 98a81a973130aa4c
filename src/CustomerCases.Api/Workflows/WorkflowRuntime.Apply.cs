using CustomerCases.Persistence.Workflows;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Workflows;

internal sealed partial class WorkflowRuntime
{
    /// <summary>Stages an execution's result: state, bookmarks, timers, journal; then what it causes (children, events).</summary>
    private async Task ApplyAsync(WorkflowInstanceRecord instance, ExecutionResult result, DateTimeOffset now, CancellationToken ct)
    {
        var state = result.State;
        instance.Status = state.Status.ToString();
        instance.SubStatus = state.SubStatus.ToString();
        instance.CorrelationId = state.CorrelationId;
        instance.Name = state.Name;
        instance.IncidentCount = state.Incidents.Count;
        instance.StateJson = WorkflowStateSerializer.Serialize(state);
        instance.UpdatedAt = now;
        instance.FinishedAt = state.Status == WorkflowStatus.Finished ? now : null;
        instance.Revision++;

        foreach (var burned in result.BurnedBookmarks)
        {
            var row = db.Tracked<BookmarkRecord>().SingleOrDefault(b => b.Id == burned.Id)
                ?? await WorkflowQueries.BookmarkById(db, burned.Id);
            if (row is not null)
            {
                db.Bookmarks.Remove(row); // a concurrent resume that burned it first makes our commit fail: resume happens once
            }

            var timers = await WorkflowQueries.UnfiredTimersOf(db, burned.Id).ToListAsync(ct);
            foreach (var timer in timers.Concat(db.Tracked<WorkflowTimerRecord>().Where(t => t.BookmarkId == burned.Id && t.FiredAt == null)).Distinct())
            {
                timer.FiredAt ??= now; // cancelled with its bookmark; never fires
            }
        }

        foreach (var bookmark in result.NewBookmarks)
        {
            db.Bookmarks.Add(new BookmarkRecord
            {
                Id = bookmark.Id,
                InstanceId = instance.Id,
                Name = bookmark.Name,
                Hash = bookmark.Hash,
                ActivityId = bookmark.ActivityId,
                ActivityInstanceId = bookmark.ActivityInstanceId,
                CorrelationId = state.CorrelationId,
                PayloadJson = bookmark.Payload?.ToJsonString(),
                CreatedAt = bookmark.CreatedAt,
            });
        }

        foreach (var timer in result.TimerRequests)
        {
            var row = new WorkflowTimerRecord { Id = Guid.CreateVersion7(now), InstanceId = instance.Id, BookmarkId = timer.BookmarkId, DueAt = timer.DueAt, CreatedAt = now };
            db.WorkflowTimers.Add(row);
            _pendingTimers.Add(row);
        }

        if (result.Journal.Count > 0)
        {
            db.WorkflowJournalBatches.Add(new WorkflowJournalBatchRecord
            {
                InstanceId = instance.Id,
                EntryCount = result.Journal.Count,
                EntriesJson = JournalBatchCodec.Encode(result.Journal),
            });
        }

        foreach (var incident in result.Incidents)
        {
            LogIncident(logger, instance.Id, incident.ActivityId, incident.Message);
        }

        foreach (var observer in observers)
        {
            await observer.OnExecutionStagedAsync(instance, result, ct);
        }

        await CascadeAsync(instance, result, ct);
        await DeliverQueuedStimuliAsync(instance, result.NewBookmarks, now, ct);
    }

    /// <summary>
    /// A stimulus that arrived before its bookmark was committed waits in the queue; the new bookmark takes it now,
    /// in the same transaction, so it is delivered exactly once.
    /// </summary>
    private async Task DeliverQueuedStimuliAsync(WorkflowInstanceRecord instance, IReadOnlyList<Bookmark> created, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var bookmark in created)
        {
            ct.ThrowIfCancellationRequested();
            await StimulusLock.AcquireAsync(db, bookmark.Hash, ct); // against a stimulus being queued while we look
            var queued = await WorkflowQueries.OldestQueuedStimulus(db, bookmark.Hash, now, instance.CorrelationId, instance.Id);
            if (queued is null)
            {
                _unmatchedBookmarks.Add((bookmark.Hash, instance.CorrelationId, instance.Id));
                continue;
            }

            queued.DeliveredAt = now;
            var input = queued.InputJson is null ? null : System.Text.Json.Nodes.JsonNode.Parse(queued.InputJson) as System.Text.Json.Nodes.JsonObject;
            if (++_cascadeDepth > MaxCascade)
            {
                throw new InvalidOperationException($"Workflow cascade deeper than {MaxCascade} (instance {instance.Id}).");
            }

            try
            {
                await ResumeInstanceAsync(instance.Id, ResumeRequest.ById(bookmark.Id, input), ct);
            }
            finally
            {
                _cascadeDepth--;
            }
        }
    }

    /// <summary>
    /// True when what this unit of work saw of stimuli and bookmarks has moved since it looked: a stimulus was queued
    /// for a bookmark it creates, or a bookmark was committed for a stimulus it queues. Committed like that, each would
    /// wait for the other forever. Only a caller that ran the workflow before taking the single-writer gate can see
    /// this (under the gate, or under PostgreSQL's stimulus lock, nobody commits either while we look); it asks under
    /// the gate and then redoes the work there.
    /// </summary>
    public async Task<bool> StimulusMatchingOutdatedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var (hash, correlationId, instanceId) in _unmatchedBookmarks)
        {
            ct.ThrowIfCancellationRequested();
            if (await WorkflowQueries.OldestQueuedStimulus(db, hash, now, correlationId, instanceId) is not null)
            {
                return true;
            }
        }

        foreach (var (hash, correlationId, instanceId) in _queuedStimuli)
        {
            await foreach (var _ in WorkflowQueries.BookmarksMatching(db, hash, correlationId, instanceId).WithCancellation(ct))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Children and local events run in the same unit of work, so a crash can never leave a parent waiting for a
    /// child that was never started. Depth is bounded against workflows that dispatch each other forever.
    /// </summary>
    private async Task CascadeAsync(WorkflowInstanceRecord instance, ExecutionResult result, CancellationToken ct)
    {
        var effects = result.Effects;
        var finishedChild = result.State.Status == WorkflowStatus.Finished && instance.ParentInstanceId is not null;
        if (effects.DispatchRequests.Count == 0 && effects.PublishedEvents.Count == 0 && !finishedChild)
        {
            return;
        }

        if (++_cascadeDepth > MaxCascade)
        {
            throw new InvalidOperationException($"Workflow cascade deeper than {MaxCascade} (instance {instance.Id}): workflows dispatching or signalling each other without end.");
        }

        try
        {
            foreach (var dispatch in effects.DispatchRequests)
            {
                var child = await definitions.FindAsync(dispatch.DefinitionId, "Published", ct);
                if (child is null)
                {
                    LogMissingChild(logger, instance.Id, dispatch.DefinitionId);
                    continue;
                }

                await StartAsync(child, dispatch.Input, dispatch.CorrelationId, null, null, dispatch.ParentInstanceId, ct, dispatch.ChildInstanceId);
            }

            foreach (var published in effects.PublishedEvents)
            {
                var stimulus = Stimuli.Event(published.EventName);
                var input = published.Payload is null ? null : new System.Text.Json.Nodes.JsonObject { ["payload"] = published.Payload.DeepClone() };
                if (published.IsLocal)
                {
                    await ResumeAsync(stimulus, null, published.SourceInstanceId, input, ct, queueIfUnmatched: false);
                }
                else
                {
                    await ResumeAsync(stimulus, published.CorrelationId, null, input, ct, queueIfUnmatched: false);
                    await TriggerAsync(stimulus, published.CorrelationId, input, ct);
                }
            }

            if (finishedChild)
            {
                var output = new System.Text.Json.Nodes.JsonObject();
                foreach (var (key, value) in result.State.Output)
                {
                    output[key] = value?.DeepClone();
                }

                await ResumeAsync(Stimuli.ChildCompleted(instance.Id), null, instance.ParentInstanceId, output, ct, queueIfUnmatched: false);
            }
        }
        finally
        {
            _cascadeDepth--;
        }
    }

    private void Queue(Stimulus stimulus, string? correlationId, string? instanceId, System.Text.Json.Nodes.JsonObject? input)
    {
        _queuedStimuli.Add((stimulus.Hash, correlationId, instanceId));
        var now = time.GetUtcNow();
        db.StimulusQueue.Add(new QueuedStimulusRecord
        {
            Id = Guid.CreateVersion7(now),
            Name = stimulus.Name,
            Hash = stimulus.Hash,
            CorrelationId = correlationId,
            InstanceId = instanceId,
            InputJson = input?.ToJsonString(),
            CreatedAt = now,
            ExpiresAt = now.AddMinutes(10),
        });
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "Workflow instance {InstanceId}: incident in activity {ActivityId}: {Message}")]
    private static partial void LogIncident(ILogger logger, string instanceId, string activityId, string message);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Workflow instance {InstanceId} dispatched '{DefinitionId}', which has no published version")]
    private static partial void LogMissingChild(ILogger logger, string instanceId, string definitionId);
}
