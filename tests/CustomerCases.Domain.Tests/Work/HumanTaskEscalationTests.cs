using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Work;

namespace CustomerCases.Domain.Tests.Work;

public sealed class HumanTaskEscalationTests
{
    private static readonly DateTimeOffset T0 = RoutingBuilder.T0;
    private static readonly DateTimeOffset Due = T0.AddHours(4);

    private static HumanTask NewTask(CasePriority priority = CasePriority.High, DateTimeOffset? due = null) => HumanTask.Create(new HumanTaskSpec(
        Guid.NewGuid(), Guid.NewGuid(), "instance-1", "bookmark-1", "Triage1", "Check the refund", null, "refunds",
        [], ["Approve"], [], priority, due ?? Due, null), T0);

    [Fact]
    public void EscalateOverdue_BeforeDue_DoesNothing()
    {
        var task = NewTask();

        Assert.False(task.EscalateOverdue("supervisors", Due.AddTicks(-1)));
        Assert.Equal((null, 0, "refunds", CasePriority.High), (task.OverdueAt, task.EscalationLevel, task.Queue, task.Priority));
    }

    [Fact]
    public void EscalateOverdue_HeldTask_MovesToSupervisorQueue_Unassigned_OneLevelMoreUrgent()
    {
        var task = NewTask();
        task.Assign(Guid.NewGuid(), T0.AddMinutes(1));
        var version = task.Version;

        Assert.True(task.EscalateOverdue(" Supervisors ", Due));

        Assert.Equal((HumanTaskStatus.Queued, "supervisors", "refunds", (Guid?)null), (task.Status, task.Queue, task.EscalatedFromQueue, task.AssigneeId));
        Assert.Equal((Due, 1, CasePriority.Urgent, Due), (task.OverdueAt, task.EscalationLevel, task.Priority, task.QueuedAt));
        Assert.Equal(version + 1, task.Version);
    }

    [Fact]
    public void EscalateOverdue_WithoutSupervisorQueue_OnlyFlagsAndRaisesPriority_KeepsHolder()
    {
        var task = NewTask(CasePriority.Normal);
        var holder = Guid.NewGuid();
        task.Assign(holder, T0);

        Assert.True(task.EscalateOverdue(null, Due.AddMinutes(5)));

        Assert.Equal((HumanTaskStatus.Assigned, holder, "refunds", CasePriority.High), (task.Status, task.AssigneeId, task.Queue, task.Priority));
        Assert.Null(task.EscalatedFromQueue);
    }

    [Fact]
    public void EscalateOverdue_Twice_OrWhenDone_OrWithoutDue_IsANoOp()
    {
        var escalated = NewTask();
        escalated.EscalateOverdue("supervisors", Due);
        var completed = NewTask();
        completed.Complete("Approve", null, null, Domain.Common.Actor.System, T0.AddHours(1));
        var undated = HumanTask.Create(new HumanTaskSpec(Guid.NewGuid(), null, "i", "b", "a", "t", null, "q", [], [], [], CasePriority.Normal, null, null), T0);

        Assert.False(escalated.EscalateOverdue("other", Due.AddHours(1)));
        Assert.Equal((1, "supervisors"), (escalated.EscalationLevel, escalated.Queue));
        Assert.False(completed.EscalateOverdue("supervisors", Due));
        Assert.False(undated.EscalateOverdue("supervisors", Due.AddDays(1)));
    }

    [Fact]
    public void Reopen_CancelledTask_QueuesItAgain_OpenTaskUntouched()
    {
        var cancelled = NewTask();
        cancelled.Assign(Guid.NewGuid(), T0);
        cancelled.Cancel("workflow instance faulted", T0.AddMinutes(1));
        var open = NewTask();
        var version = open.Version;

        cancelled.Reopen(T0.AddMinutes(2));
        open.Reopen(T0.AddMinutes(2));

        Assert.Equal((HumanTaskStatus.Queued, (Guid?)null, (string?)null, T0.AddMinutes(2)), (cancelled.Status, cancelled.AssigneeId, cancelled.CancelReason, cancelled.QueuedAt));
        Assert.Equal(version, open.Version);
    }
}
