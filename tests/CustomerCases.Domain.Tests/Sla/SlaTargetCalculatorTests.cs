using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Domain.Customers;
using CustomerCases.Domain.Sla;
using static CustomerCases.Domain.Tests.Sla.Calendars;

namespace CustomerCases.Domain.Tests.Sla;

public class SlaTargetCalculatorTests
{
    private static readonly Actor Agent = new(ActorKind.User, "ada", "Ada");
    private static readonly Actor Bot = Actor.Workflow("wf-1");
    private static readonly DateTimeOffset Monday9 = Local(2026, 3, 9, 9);

    private static SlaPolicy Policy(string? firstResponse = "PT2H", string? resolution = "PT8H", string? nextReply = "PT1H", double[]? warnAt = null) =>
        new("standard", 1, 0, "true", "berlin-office",
            new Dictionary<SlaMetric, SlaDuration?>
            {
                [SlaMetric.FirstResponse] = Parse(firstResponse),
                [SlaMetric.Resolution] = Parse(resolution),
                [SlaMetric.NextReply] = Parse(nextReply),
            }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!),
            warnAt ?? [0.75], SlaPolicy.DefaultPauseStatuses);

    private static SlaDuration? Parse(string? text) => text is null ? null : SlaDuration.TryParse(text, out _);

    private static Case NewCase(DateTimeOffset at) =>
        Case.Open(1, new Customer("ann@example.com", "Ann", null, null, at), new CaseDraft("Subject", "Body"), Actor.System, at);

    private static Customer Customer { get; } = new("ann@example.com", "Ann", null, null, Monday9);

    private static IReadOnlyList<SlaTargetState> Compute(Case c, SlaPolicy policy, DateTimeOffset now) =>
        SlaTargetCalculator.Compute(SlaCaseTimeline.FromHistory(c.CreatedAt, c.History), policy, BerlinOffice, now);

    private static SlaTargetState Target(IReadOnlyList<SlaTargetState> targets, SlaMetric metric, int cycle = 0) =>
        targets.Single(t => t.Metric == metric && t.Cycle == cycle);

    [Fact]
    public void FirstResponse_AutomatedReplyDoesNotCount_PersonsReplyCompletesIt()
    {
        var c = NewCase(Monday9);
        c.AddMessage(MessageKind.PublicReply, Bot, "Thanks, we got it", Monday9.AddMinutes(1));
        var afterBot = Target(Compute(c, Policy(), Monday9.AddMinutes(30)), SlaMetric.FirstResponse);
        c.AddMessage(MessageKind.PublicReply, Agent, "Looking into it", Monday9.AddHours(1));
        var afterAgent = Target(Compute(c, Policy(), Monday9.AddHours(5)), SlaMetric.FirstResponse);

        Assert.Equal(SlaStage.InProgress, afterBot.Stage);
        Assert.Equal(SlaStage.Completed, afterAgent.Stage);
        Assert.Equal(Monday9.AddHours(1), afterAgent.CompletedAt);
        Assert.False(afterAgent.Breached);
        Assert.Equal(Monday9.AddHours(2), afterAgent.DueAt);
    }

    [Fact]
    public void CreatedOutsideHours_ClockStartsAtNextOpening_AndExplanationSaysSo()
    {
        var c = NewCase(Local(2026, 3, 6, 18));

        var t = Target(Compute(c, Policy(), Local(2026, 3, 7, 12)), SlaMetric.FirstResponse);

        Assert.Equal(Local(2026, 3, 9, 11), t.DueAt);
        Assert.Equal(TimeSpan.Zero, t.BusinessElapsed);
        Assert.Contains(t.Explanation, l => l.Contains("outside business hours", StringComparison.Ordinal));
    }

    [Fact]
    public void PauseAndResume_MovesDueByPausedBusinessTime()
    {
        var c = NewCase(Monday9);
        c.ChangeStatus(CaseStatus.Open, Agent, Monday9.AddMinutes(5));
        c.ChangeStatus(CaseStatus.PendingCustomer, Agent, Monday9.AddHours(1));          // 10:00
        var paused = Target(Compute(c, Policy(), Monday9.AddHours(2)), SlaMetric.Resolution);
        c.AddMessage(MessageKind.CustomerMessage, Actor.Customer(Customer.Id, "Ann"), "here you go", Monday9.AddHours(3)); // 12:00, reopens

        var resumed = Target(Compute(c, Policy(), Monday9.AddHours(5)), SlaMetric.Resolution);

        Assert.Equal(SlaStage.Paused, paused.Stage);
        Assert.Equal(SlaStage.InProgress, resumed.Stage);
        // 8 business hours from Mon 09:00 is Tue 10:00; paused 10:00–12:00 (2 business hours) → Tue 12:00.
        Assert.Equal(Local(2026, 3, 10, 10), resumed.OriginalDueAt);
        Assert.Equal(Local(2026, 3, 10, 12), resumed.DueAt);
        Assert.Equal(H(2), resumed.PausedBusinessTime);
        Assert.Equal(H(2), resumed.BusinessElapsed); // 09–10 and 13–14
        Assert.Single(resumed.Pauses);
        Assert.Contains(resumed.Explanation, l => l.StartsWith("Paused while PendingCustomer", StringComparison.Ordinal));
    }

    [Fact]
    public void PolicyChangeMidCase_KeepsElapsedAndPausedTime_AndRetargets()
    {
        var c = NewCase(Monday9);
        c.ChangeStatus(CaseStatus.Open, Agent, Monday9.AddMinutes(5));
        c.ChangeStatus(CaseStatus.OnHold, Agent, Monday9.AddHours(1));
        c.ChangeStatus(CaseStatus.Open, Agent, Monday9.AddHours(2));
        var now = Monday9.AddHours(4); // 13:00 (lunch 12–13 closed)

        var before = Target(Compute(c, Policy(resolution: "PT8H"), now), SlaMetric.Resolution);
        var after = Target(Compute(c, Policy(resolution: "PT4H"), now), SlaMetric.Resolution);

        Assert.Equal(before.BusinessElapsed, after.BusinessElapsed);
        Assert.Equal(before.PausedBusinessTime, after.PausedBusinessTime);
        Assert.Equal(H(2), after.BusinessElapsed);
        Assert.Equal(Local(2026, 3, 9, 15), after.DueAt); // 4 h running: 09–10, 11–12, 13–15
    }

    [Fact]
    public void Resolution_CompletedLate_IsBreached_AndOpenPastDue_IsBreached()
    {
        var c = NewCase(Monday9);
        var open = Target(Compute(c, Policy(resolution: "PT1H"), Monday9.AddHours(1)), SlaMetric.Resolution);
        c.ChangeStatus(CaseStatus.Open, Agent, Monday9.AddMinutes(5));
        c.ChangeStatus(CaseStatus.Resolved, Agent, Monday9.AddHours(2));
        var done = Target(Compute(c, Policy(resolution: "PT1H"), Monday9.AddHours(3)), SlaMetric.Resolution);

        Assert.True(open.Breached);
        Assert.Equal(SlaStage.InProgress, open.Stage);
        Assert.Equal(SlaStage.Completed, done.Stage);
        Assert.True(done.Breached);
        Assert.Contains(done.Explanation, l => l.Contains("late", StringComparison.Ordinal));
    }

    [Fact]
    public void JustBeforeDue_IsNotBreached()
    {
        var c = NewCase(Monday9);

        var t = Target(Compute(c, Policy(firstResponse: "PT1H"), Monday9.AddHours(1).AddTicks(-1)), SlaMetric.FirstResponse);

        Assert.False(t.Breached);
    }

    [Fact]
    public void Reopened_ResolvedTimeIsPaused_AndResolutionRunsAgain()
    {
        var c = NewCase(Monday9);
        c.ChangeStatus(CaseStatus.Open, Agent, Monday9.AddMinutes(5));
        c.ChangeStatus(CaseStatus.Resolved, Agent, Monday9.AddHours(1));
        c.AddMessage(MessageKind.CustomerMessage, Actor.Customer(Customer.Id, "Ann"), "still broken", Monday9.AddHours(2));

        var t = Target(Compute(c, Policy(), Monday9.AddHours(2)), SlaMetric.Resolution);

        Assert.Equal(SlaStage.InProgress, t.Stage);
        Assert.Equal(H(1), t.PausedBusinessTime);
        Assert.Equal(H(1), t.BusinessElapsed);
    }

    [Fact]
    public void NextReply_OneCyclePerUnansweredCustomerMessage()
    {
        var c = NewCase(Monday9);
        c.AddMessage(MessageKind.PublicReply, Agent, "hi", Monday9.AddMinutes(10));
        c.AddMessage(MessageKind.CustomerMessage, Actor.Customer(Customer.Id, "Ann"), "q1", Monday9.AddMinutes(20));
        c.AddMessage(MessageKind.CustomerMessage, Actor.Customer(Customer.Id, "Ann"), "q1 again", Monday9.AddMinutes(30));
        c.AddMessage(MessageKind.PublicReply, Agent, "a1", Monday9.AddHours(2));
        c.AddMessage(MessageKind.CustomerMessage, Actor.Customer(Customer.Id, "Ann"), "q2", Monday9.AddHours(2.5));

        var targets = Compute(c, Policy(nextReply: "PT1H"), Monday9.AddHours(3));

        var first = Target(targets, SlaMetric.NextReply, 1);
        var second = Target(targets, SlaMetric.NextReply, 2);
        Assert.Equal(Monday9.AddMinutes(20), first.StartAt); // the oldest unanswered message
        Assert.True(first.Breached);
        Assert.Equal(SlaStage.Completed, first.Stage);
        Assert.Equal(SlaStage.InProgress, second.Stage);
        Assert.Equal(Monday9.AddHours(2.5), second.StartAt);
    }

    [Fact]
    public void Warnings_AtFractionsOfTarget_InBusinessTime()
    {
        var c = NewCase(Local(2026, 3, 9, 11));

        var t = Target(Compute(c, Policy(firstResponse: "PT2H", warnAt: [0.5, 0.75]), Local(2026, 3, 9, 11)), SlaMetric.FirstResponse);

        Assert.Equal([Local(2026, 3, 9, 12), Local(2026, 3, 9, 13, 30)], t.Warnings.Select(w => w.At));
        Assert.Equal(Local(2026, 3, 9, 14), t.DueAt);
    }

    [Fact]
    public void ResolvedWithoutReply_CancelsFirstResponse()
    {
        var c = NewCase(Monday9);
        c.ChangeStatus(CaseStatus.Open, Agent, Monday9.AddMinutes(5));
        c.ChangeStatus(CaseStatus.Resolved, Agent, Monday9.AddMinutes(30));

        var t = Target(Compute(c, Policy(), Monday9.AddHours(5)), SlaMetric.FirstResponse);

        Assert.Equal(SlaStage.Cancelled, t.Stage);
        Assert.False(t.Breached);
    }

    [Fact]
    public void Replay_IsDeterministic()
    {
        var c = NewCase(Monday9);
        c.ChangeStatus(CaseStatus.PendingCustomer, Agent, Monday9.AddHours(1));
        var now = Monday9.AddHours(30);

        var a = Compute(c, Policy(), now);
        var b = Compute(c, Policy(), now);

        Assert.Equal(a.Select(t => (t.DueAt, t.BusinessElapsed, t.Stage)), b.Select(t => (t.DueAt, t.BusinessElapsed, t.Stage)));
    }

    [Fact]
    public void Explanation_NamesPolicyCalendarAndSkippedHolidays()
    {
        var c = NewCase(Local(2026, 12, 24, 16));

        var t = Target(Compute(c, Policy(resolution: "PT2H"), Local(2026, 12, 24, 16, 30)), SlaMetric.Resolution);

        Assert.Equal(Local(2026, 12, 28, 10), t.DueAt);
        Assert.Contains(t.Explanation, l => l.Contains("Policy 'standard' v1", StringComparison.Ordinal));
        Assert.Contains(t.Explanation, l => l.Contains("Calendar 'berlin-office' v1: Europe/Berlin", StringComparison.Ordinal));
        Assert.Contains(t.Explanation, l => l.Contains("Holidays skipped: 2026-12-25 (Christmas Day)", StringComparison.Ordinal));
    }

    [Fact]
    public void BusinessDaysTarget_FridayAfternoon_IsDueSameTimeOnNthOpenDay()
    {
        var c = NewCase(Local(2026, 3, 6, 15));

        var t = Target(Compute(c, Policy(resolution: "P2D"), Local(2026, 3, 6, 15)), SlaMetric.Resolution);

        Assert.Equal(Local(2026, 3, 10, 15), t.DueAt);
        Assert.Equal(H(14), t.TargetBusinessTime);
    }
}
