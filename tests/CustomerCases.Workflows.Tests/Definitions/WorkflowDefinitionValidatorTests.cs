using CustomerCases.Workflows.Tests.Support;
using CustomerCases.Workflows.Validation;
using Xunit;

namespace CustomerCases.Workflows.Tests.Definitions;

public sealed class WorkflowDefinitionValidatorTests
{
    private readonly TestEngine _engine = new();

    [Fact]
    public void Validate_DefinitionWithManyProblems_ReportsEveryErrorAtOnce()
    {
        var report = _engine.Validator.Validate(Fixtures.Load("invalid.json"));

        Assert.False(report.IsValid);
        Assert.Contains(report.Errors, e => e.ActivityId == "Mystery1" && e.Message.Contains("Unknown activity type 'Acme.SendFax'", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.ActivityId == "CSharp1" && e.Message.Contains("'CSharp'", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.ActivityId == "Syntax1" && e.Message.Contains("JavaScript syntax error", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.ActivityId == "Cron1" && e.Message.Contains("Invalid cron expression", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.ActivityId == "Event1" && e.Message.Contains("'eventName'", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.ActivityId == "Http2" && e.Message.Contains("POST /orders", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.ActivityId == "CSharp1" && e.Message.Contains("missing activity 'Ghost1'", StringComparison.Ordinal));
        Assert.Equal(7, report.Errors.Count);
    }

    [Theory]
    [InlineData("sequence.json")]
    [InlineData("loop-counter.json")]
    [InlineData("race-event-delay.json")]
    [InlineData("nested.json")]
    [InlineData("legacy-bom.json")]
    [InlineData("parent.json")]
    public void Validate_GoodFixture_HasNoIssues(string fixture)
    {
        var report = _engine.Validator.Validate(Fixtures.Load(fixture));

        Assert.Empty(report.Issues);
    }

    [Fact]
    public void Validate_WaitAllJoinAfterDecision_WarnsItNeverRuns()
    {
        var report = _engine.Validator.Validate(Fixtures.Load("decision-join-waitall.json"));

        Assert.True(report.IsValid);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal("Join1", warning.ActivityId);
        Assert.Contains("exclusive outcomes of 'Decision1'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ImplicitJoinAfterDecision_WarnsToMakeIntentExplicit()
    {
        var warning = Assert.Single(_engine.Validator.Validate(Fixtures.Load("decision-join-implicit.json")).Warnings);

        Assert.Equal("After", warning.ActivityId);
        Assert.Contains("implicitly joins exclusive outcomes of 'Decision1'", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("decision-join-waitallactive.json")]
    [InlineData("decision-join-waitany.json")]
    public void Validate_JoinAfterDecisionThatCanContinue_HasNoWarning(string fixture) =>
        Assert.Empty(_engine.Validator.Validate(Fixtures.Load(fixture)).Issues);

    [Fact]
    public void Validate_ImplicitJoinAfterFork_WarnsItRunsPerBranch()
    {
        var report = _engine.Validator.Validate(Fixtures.Load("merge-mode-stream.json"));

        var warning = Assert.Single(report.Warnings);
        Assert.Equal("Merged", warning.ActivityId);
        Assert.Contains("once per branch", warning.Message, StringComparison.Ordinal);
    }
}
