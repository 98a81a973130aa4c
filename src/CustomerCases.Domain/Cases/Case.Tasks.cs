using CustomerCases.Domain.Common;

namespace CustomerCases.Domain.Cases;

public sealed partial class Case
{
    /// <summary>
    /// An agent completed a workflow task for this case: that is work on the case, attributed to him in its history
    /// (and, like an assignment, it starts work on a New case). A closed case keeps the fact but does not reopen.
    /// </summary>
    public void RecordTaskCompleted(string taskTitle, string outcome, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Record(CaseHistoryKind.TaskCompleted, actor, now, "task", null, outcome, $"task '{taskTitle}' completed: {outcome}");
        if (Status == CaseStatus.New)
        {
            ChangeStatus(CaseStatus.Open, actor, now, "task completed");
        }
    }

    /// <summary>A workflow task for this case passed its due time without being completed (and maybe moved to a supervisor queue).</summary>
    public void RecordTaskOverdue(string taskTitle, string fromQueue, string toQueue, DateTimeOffset dueAt, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var moved = fromQueue == toQueue ? $"still in queue '{toQueue}'" : $"escalated from queue '{fromQueue}' to '{toQueue}'";
        Record(CaseHistoryKind.TaskOverdue, actor, now, "task", fromQueue, toQueue,
            $"task '{taskTitle}' overdue (due {dueAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC), {moved}");
    }
}
