using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using static CustomerCases.Domain.Tests.Cases.CaseBuilder;

namespace CustomerCases.Domain.Tests.Cases;

public class CaseLifecycleTests
{
    [Fact]
    public void Open_NewCase_StartsNewWithNormalisedTagsAndCreationHistory()
    {
        var c = New();

        Assert.Equal(CaseStatus.New, c.Status);
        Assert.Equal("CASE-000042", c.Reference);
        Assert.Equal(["hardware", "urgent"], c.Tags);
        Assert.Equal(CaseHistoryKind.Created, c.History[0].Kind);
        Assert.Single(c.Messages, m => m.Kind == MessageKind.CustomerMessage && m.Body == "It shows E42.");
        Assert.Equal(Enumerable.Range(1, c.History.Count), c.History.Select(h => h.Sequence));
    }

    [Theory]
    [InlineData(CaseStatus.Open, CaseStatus.New)]
    [InlineData(CaseStatus.Closed, CaseStatus.Open)]
    [InlineData(CaseStatus.Closed, CaseStatus.Resolved)]
    [InlineData(CaseStatus.Resolved, CaseStatus.PendingCustomer)]
    [InlineData(CaseStatus.Resolved, CaseStatus.OnHold)]
    public void ChangeStatus_IllegalTransition_IsRefusedAndChangesNothing(CaseStatus from, CaseStatus to)
    {
        var c = InStatus(from);
        var historyBefore = c.History.Count;
        var versionBefore = c.Version;

        var ex = Assert.Throws<DomainException>(() => c.ChangeStatus(to, Agent, T0.AddHours(1)));

        Assert.Equal("illegal_transition", ex.Code);
        Assert.Equal(from, c.Status);
        Assert.Equal(historyBefore, c.History.Count);
        Assert.Equal(versionBefore, c.Version);
    }

    [Theory]
    [InlineData(CaseStatus.PendingCustomer)]
    [InlineData(CaseStatus.OnHold)]
    [InlineData(CaseStatus.Resolved)]
    public void AddMessage_CustomerWritesOnWaitingOrResolvedCase_ReopensIt(CaseStatus status)
    {
        var c = InStatus(status);

        c.AddMessage(MessageKind.CustomerMessage, Actor.Customer(c.CustomerId, "Ann"), "Still broken", T0.AddHours(2));

        Assert.Equal(CaseStatus.Open, c.Status);
        Assert.Null(c.ResolvedAt);
        var last = c.History[^1];
        Assert.Equal((CaseHistoryKind.StatusChanged, status.ToString(), "Open"), (last.Kind, last.OldValue, last.NewValue));
    }

    [Fact]
    public void AddMessage_OnClosedCase_IsRefusedSoAFollowUpCanBeOpened()
    {
        var c = InStatus(CaseStatus.Closed);

        var ex = Assert.Throws<DomainException>(() => c.AddMessage(MessageKind.CustomerMessage, Actor.System, "Hello again", T0.AddDays(1)));

        Assert.Equal("case_closed", ex.Code);
        Assert.True(c.IsClosed);
    }

    [Fact]
    public void AddMessage_FirstPublicReply_OpensNewCaseAndSetsFirstResponseOnce()
    {
        var c = New();

        c.AddMessage(MessageKind.InternalNote, Agent, "looking", T0.AddMinutes(3));
        Assert.Null(c.FirstRespondedAt);
        Assert.Equal(CaseStatus.New, c.Status);

        c.AddMessage(MessageKind.PublicReply, Agent, "On it", T0.AddMinutes(5));
        c.AddMessage(MessageKind.PublicReply, Agent, "Fixed?", T0.AddMinutes(9));

        Assert.Equal(T0.AddMinutes(5), c.FirstRespondedAt);
        Assert.Equal(CaseStatus.Open, c.Status);
    }

    [Fact]
    public void AssignTo_NewCase_OpensItAndRecordsBothChanges()
    {
        var c = New();

        c.AssignTo("bob", Agent, T0.AddMinutes(1));

        Assert.Equal(CaseStatus.Open, c.Status);
        Assert.Equal([CaseHistoryKind.AssigneeChanged, CaseHistoryKind.StatusChanged], c.History.TakeLast(2).Select(h => h.Kind));
    }

    [Fact]
    public void ClosedCase_FieldsAreFrozenButTagsStayEditable()
    {
        var c = InStatus(CaseStatus.Closed);

        Assert.Throws<DomainException>(() => c.ChangePriority(CasePriority.Urgent, Agent, T0.AddDays(1)));
        Assert.Throws<DomainException>(() => c.Categorise("billing", Agent, T0.AddDays(1)));
        c.SetTags(["audited"], Agent, T0.AddDays(1));

        Assert.Equal(["audited"], c.Tags);
    }

    [Fact]
    public void ChangePriority_RecordsOldAndNewValuesWithReason()
    {
        var c = New();

        c.ChangePriority(CasePriority.Urgent, Actor.Model("m7"), T0.AddSeconds(1), "confidence 0.97");

        var h = c.History[^1];
        Assert.Equal(("Normal", "Urgent", "confidence 0.97", ActorKind.Model), (h.OldValue, h.NewValue, h.Reason, h.ActorKind));
    }

    [Fact]
    public void Resolve_ThenReopen_ClearsResolvedAt()
    {
        var c = InStatus(CaseStatus.Resolved);
        Assert.NotNull(c.ResolvedAt);

        c.ChangeStatus(CaseStatus.Open, Agent, T0.AddDays(1));

        Assert.Null(c.ResolvedAt);
    }

    [Fact]
    public void Escalate_IncrementsLevelAndRecordsWhy()
    {
        var c = New();

        c.Escalate(Actor.System, T0.AddHours(1), "resolution SLA breached");
        c.Escalate(Actor.System, T0.AddHours(2), "second breach");

        Assert.Equal(2, c.EscalationLevel);
        Assert.Equal("second breach", c.History[^1].Reason);
    }
}

public class AutomatedReplyTests
{
    [Fact]
    public void AddMessage_WorkflowAcknowledgement_IsNotAFirstResponse()
    {
        var c = CaseBuilder.New();

        c.AddMessage(MessageKind.PublicReply, Actor.Workflow("wf-1"), "Thanks, we got your request", CaseBuilder.T0.AddSeconds(1));

        Assert.Null(c.FirstRespondedAt);
        Assert.Equal(CaseStatus.New, c.Status);
    }
}
