using System.Text.Json.Nodes;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Domain.Work;

namespace CustomerCases.Domain.Tests.Work;

public sealed class HumanTaskTests
{
    private static readonly DateTimeOffset T0 = RoutingBuilder.T0;
    private static readonly Guid Ann = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();
    private static readonly Actor AnnActor = new(ActorKind.User, "key-ann", "Ann");

    private static HumanTask NewTask(params TaskFormField[] form) => HumanTask.Create(new HumanTaskSpec(
        Guid.NewGuid(), Guid.NewGuid(), "instance-1", "bookmark-1", "Triage1", " Check the refund ", null, " Refunds ",
        ["Billing"], ["Approve", "Reject"], form, CasePriority.High, T0.AddHours(4), null), T0);

    [Fact]
    public void Create_StartsQueued_WithNormalisedQueueAndSkills()
    {
        var task = NewTask();

        Assert.Equal((HumanTaskStatus.Queued, "refunds", "Check the refund"), (task.Status, task.Queue, task.Title));
        Assert.Equal(["billing"], task.RequiredSkills);
        Assert.Equal(T0, task.QueuedAt);
    }

    [Fact]
    public void Claim_BySomeoneElse_WhileHeld_IsAConflict()
    {
        var task = NewTask();
        task.Claim(Ann, T0);
        task.Claim(Ann, T0.AddSeconds(1)); // again: harmless

        var ex = Assert.Throws<DomainException>(() => task.Claim(Bob, T0.AddSeconds(2)));

        Assert.Equal("task_taken", ex.Code);
        Assert.Equal(Ann, task.AssigneeId);
    }

    [Fact]
    public void Release_ReentersTheQueue_AsOfNow()
    {
        var task = NewTask();
        task.Claim(Ann, T0);

        Assert.Equal("task_taken", Assert.Throws<DomainException>(() => task.Release(Bob, T0.AddMinutes(1))).Code);
        task.Release(Ann, T0.AddMinutes(2));

        Assert.Equal((HumanTaskStatus.Queued, (Guid?)null, T0.AddMinutes(2)), (task.Status, task.AssigneeId, task.QueuedAt));
    }

    [Fact]
    public void CheckCompletion_ReportsUnknownOutcomeAndEveryFormProblem()
    {
        var task = NewTask(new TaskFormField("amount", TaskFormField.Number, true), new TaskFormField("reason", TaskFormField.Text, true),
            new TaskFormField("urgent", TaskFormField.Boolean, false));

        var errors = task.CheckCompletion("Maybe", new JsonObject { ["reason"] = 3, ["urgent"] = "yes", ["colour"] = "red" });

        Assert.Equal(["data.amount", "data.colour", "data.reason", "data.urgent", "outcome"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(task.CheckCompletion("Approve", new JsonObject { ["amount"] = 12.5, ["reason"] = "duplicate charge" }));
    }

    [Fact]
    public void Complete_Twice_IsAConflict_AndKeepsTheFirstOutcome()
    {
        var task = NewTask();
        task.Claim(Ann, T0);
        task.Complete("Approve", null, Ann, AnnActor, T0.AddMinutes(1));

        var ex = Assert.Throws<DomainException>(() => task.Complete("Reject", null, Ann, AnnActor, T0.AddMinutes(2)));

        Assert.Equal("task_completed", ex.Code);
        Assert.Equal(("Approve", HumanTaskStatus.Completed), (task.Outcome, task.Status));
    }

    [Fact]
    public void Complete_HeldByAnother_IsAConflict_ButAManagerMay()
    {
        var task = NewTask();
        task.Claim(Ann, T0);

        Assert.Equal("task_taken", Assert.Throws<DomainException>(() => task.Complete("Approve", null, Bob, AnnActor, T0)).Code);
        task.Complete("Reject", null, agentId: null, AnnActor, T0);

        Assert.Equal("Reject", task.Outcome);
    }

    [Fact]
    public void Complete_Unclaimed_MakesItTheCompletersTask()
    {
        var task = NewTask();

        task.Complete("Approve", null, Bob, AnnActor, T0);

        Assert.Equal(Bob, task.AssigneeId);
    }

    [Fact]
    public void Cancel_ClosesAnOpenTask_AndThenRefusesWork()
    {
        var task = NewTask();
        task.Cancel("instance cancelled", T0);
        task.Cancel("again", T0.AddSeconds(1));

        Assert.Equal(("instance cancelled", HumanTaskStatus.Cancelled), (task.CancelReason, task.Status));
        Assert.Equal("task_cancelled", Assert.Throws<DomainException>(() => task.Claim(Ann, T0)).Code);
    }

    [Fact]
    public void Create_WithoutOutcomes_HasDone()
    {
        var task = HumanTask.Create(new HumanTaskSpec(Guid.NewGuid(), null, "i", "b", "a", "t", null, "q", [], [], [], CasePriority.Normal, null, null), T0);

        Assert.Equal([HumanTask.DefaultOutcome], task.Outcomes);
    }
}
