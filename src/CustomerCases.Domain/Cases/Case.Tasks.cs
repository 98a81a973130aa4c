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
}
