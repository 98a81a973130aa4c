using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Domain.Customers;
using CustomerCases.Domain.Sla;
using static CustomerCases.Domain.Tests.Sla.Calendars;

namespace CustomerCases.Domain.Tests.Sla;

/// <summary>Which warning or breach a target's alarm points at next: thresholds fire in ascending order, each once.</summary>
public class SlaNextAlarmTests
{
    private static readonly DateTimeOffset Monday9 = Local(2026, 3, 9, 9);

    private static readonly SlaPolicy Policy = new("standard", 1, 0, "true", "berlin-office",
        new Dictionary<SlaMetric, SlaDuration> { [SlaMetric.FirstResponse] = SlaDuration.TryParse("PT4H", out _)! },
        [0.75, 0.5], SlaPolicy.DefaultPauseStatuses);

    private static SlaTargetState FirstResponse(Case c, DateTimeOffset now) =>
        SlaTargetCalculator.Compute(SlaCaseTimeline.FromHistory(c.CreatedAt, c.History), Policy, BerlinOffice, now)
            .Single(t => t.Metric == SlaMetric.FirstResponse);

    private static Case NewCase() =>
        Case.Open(1, new Customer("ann@example.com", "Ann", null, null, Monday9), new CaseDraft("Subject", "Body"), Actor.System, Monday9);

    [Fact]
    public void Running_PointsAtTheLowestThresholdAboveWhatFired_BreachLast_NothingAfterIt()
    {
        var target = FirstResponse(NewCase(), Monday9.AddMinutes(5));

        Assert.Equal((0.5, Monday9.AddHours(2)), (target.NextAlarm(0)!.Fraction, target.NextAlarm(0)!.At));
        Assert.Equal((0.75, Monday9.AddHours(3)), (target.NextAlarm(0.5)!.Fraction, target.NextAlarm(0.5)!.At));
        // 4 open hours after 09:00: the office closes 12–13, so the breach is at 14:00.
        Assert.Equal((SlaTargetState.BreachFraction, Monday9.AddHours(5)), (target.NextAlarm(0.75)!.Fraction, target.NextAlarm(0.75)!.At));
        Assert.Null(target.NextAlarm(SlaTargetState.BreachFraction));
    }

    [Fact]
    public void PastDue_SkipsTheWarnings_PointsAtTheBreach()
    {
        var target = FirstResponse(NewCase(), Monday9.AddHours(5));

        Assert.True(target.Breached);
        Assert.Equal(SlaTargetState.BreachFraction, target.NextAlarm(0)!.Fraction);
    }

    [Fact]
    public void NotRunning_NoAlarm()
    {
        var c = NewCase();
        c.ChangeStatus(CaseStatus.PendingCustomer, Actor.System, Monday9.AddMinutes(10), null);

        var paused = FirstResponse(c, Monday9.AddMinutes(20));

        Assert.Equal(SlaStage.Paused, paused.Stage);
        Assert.Null(paused.NextAlarm(0));
    }
}
