using System.Text.Json.Nodes;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;

namespace CustomerCases.Domain.Work;

/// <summary>
/// Work a workflow hands to people (<c>CustomerCases.HumanTask</c>). It waits in its queue until routing or an agent
/// claims it; completing it with one of its outcomes resumes the workflow's bookmark. Every state change is guarded
/// here, so "taken by someone else" and "already completed" mean the same everywhere.
/// </summary>
public sealed class HumanTask
{
    private List<string> _requiredSkills = [];
    private List<string> _outcomes = [];
    private List<TaskFormField> _form = [];

    private HumanTask()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The case the workflow runs for (its correlation id), when it is one.</summary>
    public Guid? CaseId { get; private set; }

    public string InstanceId { get; private set; } = "";

    /// <summary>The bookmark completing the task resumes.</summary>
    public string BookmarkId { get; private set; } = "";

    public string ActivityId { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string? Instructions { get; private set; }

    public string Queue { get; private set; } = "";

    public IReadOnlyList<string> RequiredSkills => _requiredSkills;

    public IReadOnlyList<string> Outcomes => _outcomes;

    public IReadOnlyList<TaskFormField> Form => _form;

    public CasePriority Priority { get; private set; }

    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>The agent name or id the workflow asked for; routing tries him first.</summary>
    public string? RequestedAssignee { get; private set; }

    public HumanTaskStatus Status { get; private set; }

    public Guid? AssigneeId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the task (re-)entered its queue: routing order after priority, and the start of the skills timeout.</summary>
    public DateTimeOffset QueuedAt { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? CompletedById { get; private set; }

    public string? CompletedByName { get; private set; }

    public string? Outcome { get; private set; }

    public string? DataJson { get; private set; }

    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancelReason { get; private set; }

    /// <summary>When the task was found past its due time while still open (flagged once; see <see cref="EscalateOverdue"/>).</summary>
    public DateTimeOffset? OverdueAt { get; private set; }

    /// <summary>How often the task was escalated (0 = never).</summary>
    public int EscalationLevel { get; private set; }

    /// <summary>The queue the task was in before an escalation moved it to a supervisor queue.</summary>
    public string? EscalatedFromQueue { get; private set; }

    /// <summary>Optimistic concurrency: of two claims or completions racing, exactly one commits.</summary>
    public int Version { get; private set; }

    public bool IsOpen => Status is HumanTaskStatus.Queued or HumanTaskStatus.Assigned;

    public static HumanTask Create(HumanTaskSpec spec, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new HumanTask
        {
            Id = spec.Id,
            CaseId = spec.CaseId,
            InstanceId = spec.InstanceId,
            BookmarkId = spec.BookmarkId,
            ActivityId = spec.ActivityId,
            Title = spec.Title.Trim(),
            Instructions = string.IsNullOrWhiteSpace(spec.Instructions) ? null : spec.Instructions.Trim(),
            Queue = WorkQueue.NormaliseName(spec.Queue),
            _requiredSkills = Agent.NormaliseSkills(spec.RequiredSkills),
            _outcomes = spec.Outcomes.Count > 0 ? spec.Outcomes.Distinct(StringComparer.Ordinal).ToList() : [DefaultOutcome],
            _form = spec.Form.ToList(),
            Priority = spec.Priority,
            DueAt = spec.DueAt,
            RequestedAssignee = string.IsNullOrWhiteSpace(spec.Assignee) ? null : spec.Assignee.Trim(),
            Status = HumanTaskStatus.Queued,
            CreatedAt = now,
            QueuedAt = now,
            Version = 1,
        };
    }

    /// <summary>The outcome of a task whose workflow declared none.</summary>
    public const string DefaultOutcome = "Done";

    /// <summary>An agent takes the task. Taking it again is harmless; taking someone else's is a conflict.</summary>
    public void Claim(Guid agentId, DateTimeOffset now)
    {
        EnsureOpen();
        if (Status == HumanTaskStatus.Assigned && AssigneeId != agentId)
        {
            throw new DomainException("task_taken", $"Task {Id} is already held by another agent.");
        }

        if (AssigneeId != agentId)
        {
            Assign(agentId, now);
        }
    }

    /// <summary>Routing or a manager gives the task to an agent (a manager may take it from another agent).</summary>
    public void Assign(Guid agentId, DateTimeOffset now)
    {
        EnsureOpen();
        Status = HumanTaskStatus.Assigned;
        AssigneeId = agentId;
        AssignedAt = now;
        Version++;
    }

    /// <summary>The holder (or a manager) gives the task back: it re-enters its queue as if new.</summary>
    public void Release(Guid? byAgentId, DateTimeOffset now)
    {
        EnsureOpen();
        if (Status != HumanTaskStatus.Assigned)
        {
            throw new DomainException("task_not_assigned", $"Task {Id} is not held by anyone.");
        }

        if (byAgentId is { } agent && agent != AssigneeId)
        {
            throw new DomainException("task_taken", $"Task {Id} is held by another agent; only he or a manager can release it.");
        }

        Status = HumanTaskStatus.Queued;
        AssigneeId = null;
        AssignedAt = null;
        QueuedAt = now;
        Version++;
    }

    /// <summary>
    /// Problems with a completion (unknown outcome, data that does not fit the form), keyed by request field; empty
    /// when it may proceed. Kept apart from <see cref="Complete"/> so the API answers them as 400, not 409.
    /// </summary>
    public IReadOnlyDictionary<string, string> CheckCompletion(string? outcome, JsonObject? data)
    {
        var errors = new Dictionary<string, string>(TaskForm.Validate(_form, data), StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(outcome))
        {
            errors["outcome"] = $"is required: one of {string.Join(", ", _outcomes)}.";
        }
        else if (!_outcomes.Contains(outcome, StringComparer.Ordinal))
        {
            errors["outcome"] = $"'{outcome}' is not an outcome of this task: {string.Join(", ", _outcomes)}.";
        }

        return errors;
    }

    /// <summary>
    /// Completes the task. An agent completes what he holds, or an unheld task of his queue (it is his from then on);
    /// <paramref name="agentId"/> null is a manager, who may complete any open task.
    /// </summary>
    public void Complete(string outcome, JsonObject? data, Guid? agentId, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        EnsureOpen();
        if (CheckCompletion(outcome, data) is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors.Select(e => $"{e.Key} {e.Value}")), nameof(outcome));
        }

        if (agentId is { } agent && Status == HumanTaskStatus.Assigned && AssigneeId != agent)
        {
            throw new DomainException("task_taken", $"Task {Id} is held by another agent.");
        }

        if (agentId is { } claimer && Status == HumanTaskStatus.Queued)
        {
            AssigneeId = claimer;
            AssignedAt = now;
        }

        Status = HumanTaskStatus.Completed;
        Outcome = outcome;
        DataJson = data?.ToJsonString();
        CompletedAt = now;
        CompletedById = by.Id;
        CompletedByName = by.Name;
        Version++;
    }

    /// <summary>The workflow no longer waits for it (instance cancelled, case closed, another branch won). Idempotent.</summary>
    public void Cancel(string reason, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return;
        }

        Status = HumanTaskStatus.Cancelled;
        CancelledAt = now;
        CancelReason = reason;
        Version++;
    }

    /// <summary>
    /// The task is still open at or after its due time: it is flagged overdue, one level more urgent (up to Urgent) and,
    /// when its queue names a supervisor queue, moved there — taken from its holder and queued for routing again, the
    /// old queue remembered. Happens once per task; false (and nothing changes) when it is not due yet, not open, has no
    /// due time or was escalated already.
    /// </summary>
    public bool EscalateOverdue(string? supervisorQueue, DateTimeOffset now)
    {
        if (!IsOpen || DueAt is not { } due || now < due || OverdueAt is not null)
        {
            return false;
        }

        OverdueAt = now;
        EscalationLevel++;
        Priority = Priority < CasePriority.Urgent ? Priority + 1 : CasePriority.Urgent;
        var target = string.IsNullOrWhiteSpace(supervisorQueue) ? null : WorkQueue.NormaliseName(supervisorQueue);
        if (target is not null && target != Queue)
        {
            EscalatedFromQueue = Queue;
            Queue = target;
            Status = HumanTaskStatus.Queued;
            AssigneeId = null;
            AssignedAt = null;
            QueuedAt = now;
        }

        Version++;
        return true;
    }

    /// <summary>
    /// The workflow waits for it again (a faulted instance was retried and its bookmark restored): a task cancelled with
    /// the fault re-enters its queue as if new. Open or completed tasks are left alone.
    /// </summary>
    public void Reopen(DateTimeOffset now)
    {
        if (Status != HumanTaskStatus.Cancelled)
        {
            return;
        }

        Status = HumanTaskStatus.Queued;
        AssigneeId = null;
        AssignedAt = null;
        CancelledAt = null;
        CancelReason = null;
        QueuedAt = now;
        Version++;
    }

    private void EnsureOpen()
    {
        switch (Status)
        {
            case HumanTaskStatus.Completed:
                throw new DomainException("task_completed", $"Task {Id} is already completed (outcome {Outcome}).");
            case HumanTaskStatus.Cancelled:
                throw new DomainException("task_cancelled", $"Task {Id} was cancelled: {CancelReason}.");
        }
    }
}

/// <summary>What a workflow asks for when it creates a task.</summary>
public sealed record HumanTaskSpec(
    Guid Id,
    Guid? CaseId,
    string InstanceId,
    string BookmarkId,
    string ActivityId,
    string Title,
    string? Instructions,
    string Queue,
    IReadOnlyList<string> RequiredSkills,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<TaskFormField> Form,
    CasePriority Priority,
    DateTimeOffset? DueAt,
    string? Assignee);
