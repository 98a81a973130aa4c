using CustomerCases.Domain.Work;
using CustomerCases.Domain.Work.Routing;
using static CustomerCases.Domain.Tests.Work.RoutingBuilder;

namespace CustomerCases.Domain.Tests.Work;

public sealed class TaskRouterTests
{
    private static readonly TimeSpan SkillsTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public void RoundRobin_PicksTheMemberIdleLongest()
    {
        var members = new[]
        {
            Member("ann", lastAssigned: T0.AddMinutes(-1)),
            Member("bob", lastAssigned: T0.AddMinutes(-30)),
            Member("cid", lastAssigned: T0.AddMinutes(-5)),
        };

        var decision = TaskRouter.Decide(RoutingStrategy.RoundRobin, Task(), members, T0, SkillsTimeout);

        Assert.Equal(GuidFor("bob"), decision.ChosenAgentId);
        Assert.Equal("RoundRobin", decision.Strategy);
        Assert.Equal(3, decision.Candidates.Count);
        Assert.Contains("idle longest", Assert.Single(decision.Candidates, c => c.Chosen).Reason, StringComparison.Ordinal);
        Assert.All(decision.Candidates.Where(c => !c.Chosen), c => Assert.Contains("ranked", c.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void RoundRobin_NeverAssigned_ComesFirst()
    {
        var members = new[] { Member("ann", lastAssigned: T0.AddHours(-5)), Member("zed") };

        Assert.Equal(GuidFor("zed"), TaskRouter.Decide(RoutingStrategy.RoundRobin, Task(), members, T0, SkillsTimeout).ChosenAgentId);
    }

    [Fact]
    public void LeastLoaded_PicksTheMostFreeCapacity()
    {
        var members = new[] { Member("ann", open: 1, capacity: 2), Member("bob", open: 2, capacity: 5), Member("cid", open: 0, capacity: 1) };

        var decision = TaskRouter.Decide(RoutingStrategy.LeastLoaded, Task(), members, T0, SkillsTimeout);

        Assert.Equal(GuidFor("bob"), decision.ChosenAgentId); // 3 free, against 1 and 1
    }

    [Theory]
    [InlineData(RoutingStrategy.RoundRobin)]
    [InlineData(RoutingStrategy.LeastLoaded)]
    [InlineData(RoutingStrategy.Skills)]
    public void AwayOrFullMembers_AreNeverOffered_AndTheTaskWaits(RoutingStrategy strategy)
    {
        var members = new[] { Member("ann", open: 3, capacity: 3), Member("bob", presence: AgentPresence.Away), Member("cid", capacity: 0) };

        var decision = TaskRouter.Decide(strategy, Task(), members, T0, SkillsTimeout);

        Assert.Null(decision.ChosenAgentId);
        Assert.All(decision.Candidates, c => Assert.False(c.Eligible));
        Assert.Equal("at capacity (3/3)", decision.Candidates.Single(c => c.Name == "ann").Reason);
        Assert.Equal("not available (Away)", decision.Candidates.Single(c => c.Name == "bob").Reason);
        Assert.Equal("at capacity (0/0)", decision.Candidates.Single(c => c.Name == "cid").Reason);
    }

    [Fact]
    public void Pull_AssignsNobody_ButSaysWhoMayClaim()
    {
        var members = new[] { Member("ann"), Member("bob", presence: AgentPresence.Away) };

        var decision = TaskRouter.Decide(RoutingStrategy.Pull, Task(), members, T0, SkillsTimeout);

        Assert.Null(decision.ChosenAgentId);
        Assert.True(decision.Candidates.Single(c => c.Name == "ann").Eligible);
        Assert.False(decision.Candidates.Single(c => c.Name == "bob").Eligible);
    }

    [Fact]
    public void Skills_OnlyMembersWithEverySkill_ThenLeastLoaded()
    {
        var members = new[]
        {
            Member("ann", open: 0, skills: ["billing"]),
            Member("bob", open: 2, skills: ["billing", "german"]),
            Member("cid", open: 1, skills: ["Billing", "German", "french"]),
        };

        var decision = TaskRouter.Decide(RoutingStrategy.Skills, Task(skills: ["billing", "german"]), members, T0, SkillsTimeout);

        Assert.Equal(GuidFor("cid"), decision.ChosenAgentId);
        Assert.False(decision.SkillsRelaxed);
        Assert.Equal("missing skills: german", decision.Candidates.Single(c => c.Name == "ann").Reason);
    }

    [Fact]
    public void Skills_NobodySkilled_WaitsUntilTheTimeout_ThenAnyMember()
    {
        var members = new[] { Member("ann", open: 1), Member("bob", open: 0) };
        var task = Task(queuedAt: T0, skills: ["legal"]);

        var early = TaskRouter.Decide(RoutingStrategy.Skills, task, members, T0 + SkillsTimeout - TimeSpan.FromSeconds(1), SkillsTimeout);
        var late = TaskRouter.Decide(RoutingStrategy.Skills, task, members, T0 + SkillsTimeout, SkillsTimeout);

        Assert.Null(early.ChosenAgentId);
        Assert.Contains("Waiting for a member with legal", early.Summary, StringComparison.Ordinal);
        Assert.Equal(GuidFor("bob"), late.ChosenAgentId);
        Assert.True(late.SkillsRelaxed);
    }

    [Fact]
    public void Skills_AfterTheTimeout_StillPrefersAnAvailableSkilledMember()
    {
        var members = new[] { Member("ann", open: 0), Member("bob", open: 2, skills: ["legal"]) };

        var decision = TaskRouter.Decide(RoutingStrategy.Skills, Task(queuedAt: T0, skills: ["legal"]), members, T0.AddHours(1), SkillsTimeout);

        Assert.Equal(GuidFor("bob"), decision.ChosenAgentId);
        Assert.False(decision.SkillsRelaxed);
    }

    [Fact]
    public void Skills_SkilledMemberFull_AfterTheTimeout_RelaxesToOthers()
    {
        var members = new[] { Member("ann", open: 0), Member("bob", open: 3, capacity: 3, skills: ["legal"]) };

        var decision = TaskRouter.Decide(RoutingStrategy.Skills, Task(queuedAt: T0, skills: ["legal"]), members, T0.AddHours(1), SkillsTimeout);

        Assert.Equal(GuidFor("ann"), decision.ChosenAgentId);
        Assert.True(decision.SkillsRelaxed);
    }

    [Fact]
    public void RequestedAssignee_GetsIt_WhenHeCanTakeIt_OtherwiseItWaitsForHim()
    {
        var free = new[] { Member("ann"), Member("bob") };
        var full = new[] { Member("ann"), Member("bob", open: 3, capacity: 3) };

        var direct = TaskRouter.Decide(RoutingStrategy.RoundRobin, Task(assignee: "Bob"), free, T0, SkillsTimeout);
        var waiting = TaskRouter.Decide(RoutingStrategy.RoundRobin, Task(assignee: "bob"), full, T0, SkillsTimeout);

        Assert.Equal((GuidFor("bob"), TaskRouter.DirectStrategy), (direct.ChosenAgentId, direct.Strategy));
        Assert.Null(waiting.ChosenAgentId);
        Assert.Contains("at capacity", waiting.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void NoMembers_Waits()
    {
        var decision = TaskRouter.Decide(RoutingStrategy.LeastLoaded, Task(), [], T0, SkillsTimeout);

        Assert.Null(decision.ChosenAgentId);
        Assert.Empty(decision.Candidates);
    }
}
