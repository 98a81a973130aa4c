using CustomerCases.Api.Sla;
using CustomerCases.Domain.Cases;

namespace CustomerCases.Api.Tests.Sla;

/// <summary>Policy conditions: the <c>case</c> keyword, the sandbox, and lint of the classic traps (no database).</summary>
public sealed class SlaConditionsTests
{
    private readonly SlaConditions _conditions = new();

    private static System.Text.Json.Nodes.JsonObject Snapshot(CasePriority priority = CasePriority.Urgent, string? category = "billing", string? tier = "gold") =>
        SlaCaseSnapshot.Build(CaseStatus.New, priority, CaseChannel.Email, category, null, null, ["new"], 0, tier,
            customer: new CustomerCases.Domain.Customers.Customer("ann@example.com", "Ann", null, tier, DateTimeOffset.UnixEpoch));

    [Theory]
    [InlineData("case.priority == 'Urgent'", true)]
    [InlineData("case .priority == 'Urgent' && case['category'] == 'billing'", true)]
    [InlineData("getCase().customer.tier == 'gold' && case.customerTier == 'gold'", true)]
    [InlineData("case.subject == 'case.priority'", false)]
    [InlineData("case.priority == 'Low'", false)]
    public void Evaluate_CaseKeywordAndFields(string condition, bool expected)
    {
        Assert.Equal(expected, _conditions.Evaluate(condition, Snapshot()));
    }

    [Fact]
    public void Rewrite_LeavesStringLiteralsAlone()
    {
        Assert.Equal("__case.category == 'case.x' && \"case[\" != __case.queue", SlaConditions.Rewrite("case.category == 'case.x' && \"case[\" != case.queue"));
    }

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("System.IO.File.Exists('/etc/passwd')")]
    [InlineData("importNamespace('System')")]
    [InlineData("(case.priority = 'Low') == 'Low'")]
    [InlineData("(case.customer.tier = 'bronze') == 'bronze'")]
    [InlineData("case.tags.push('vip') > 0")]
    [InlineData("(case.tags[0] = 'x') == 'x'")]
    [InlineData("(case.invented = 1) == 1")]
    [InlineData("delete case.priority")]
    public void Evaluate_Sandbox_RefusesLoopsClrAndMutation(string condition)
    {
        var snapshot = Snapshot();

        Assert.Throws<SlaConditionException>(() => _conditions.Evaluate(condition, snapshot));
        Assert.True(_conditions.Evaluate("case.priority == 'Urgent' && case.customer.tier == 'gold' && case.tags.length == 1 && case.tags[0] == 'new' && case.invented === undefined", snapshot)); // nothing leaked into the next evaluation
    }

    [Fact]
    public void Lint_CatchAll_HoldsAlways_AndUsualConditionsPass()
    {
        Assert.Empty(SlaConditionLint.Check(_conditions, "true", new HashSet<CaseStatus> { CaseStatus.PendingCustomer }, out var always));
        Assert.True(always);
        Assert.Empty(SlaConditionLint.Check(_conditions, "case.customer.tier == 'gold' && case.channel == 'Chat'", new HashSet<CaseStatus>(), out always));
        Assert.False(always);
    }
}
