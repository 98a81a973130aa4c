using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Ports;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Tests.Support;
using Xunit;

namespace CustomerCases.Workflows.Tests.Activities;

public sealed class CaseWorkflowTests
{
    private readonly TestEngine _engine = new();
    private readonly InMemoryWorkflowHost _host;

    public CaseWorkflowTests()
    {
        _host = new InMemoryWorkflowHost(_engine);
        foreach (var file in Directory.GetFiles(RepositoryRoot.Workflows, "*.json"))
            _host.Publish(WorkflowDefinitionReader.ReadFile(file));
    }

    private Task<IReadOnlyList<ExecutionResult>> CaseCreatedAsync(Guid caseId) =>
        _host.SendAsync(Stimuli.CaseCreated(), correlationId: caseId.ToString());

    [Fact]
    public async Task CaseCreated_Complaint_OnlyComplaintWorkflowStartsAndEscalates()
    {
        var caseId = _engine.Cases.AddCase("complaint");

        var results = await CaseCreatedAsync(caseId);

        Assert.Single(results, r => !r.TriggerDeclined);
        var instance = Assert.Single(_host.Instances.Values);
        Assert.Equal("complaint", instance.DefinitionId);
        Assert.Equal(caseId.ToString(), instance.CorrelationId);
        Assert.Equal("High", _engine.Cases.Cases[caseId]["Priority"]);
        Assert.Equal("complaints", _engine.Cases.Cases[caseId]["Queue"]);
        Assert.Equal(
            [CaseMessageKind.InternalNote, CaseMessageKind.PublicReply],
            _engine.Cases.Messages.Select(m => m.Kind));
        Assert.Equal("Complaint received (Help): priority raised to High.", _engine.Cases.Messages[0].Text);
        Assert.Equal(WorkflowSubStatus.Suspended, instance.SubStatus);
        Assert.Equal(2, _host.Bookmarks.Count);
    }

    [Fact]
    public async Task CustomerReplied_ComplaintWaiting_NotesAnswerAndClosesCase()
    {
        var caseId = _engine.Cases.AddCase("complaint");
        await CaseCreatedAsync(caseId);

        await _host.SendAsync(Stimuli.CustomerReplied(caseId), new JsonObject { ["text"] = "Thanks, sorted." });

        Assert.Equal("Customer answered: Thanks, sorted.", _engine.Cases.Messages[^1].Text);
        Assert.Equal((caseId, "Complaint handled."), Assert.Single(_engine.Cases.Closed));
        Assert.Equal(WorkflowSubStatus.Finished, Assert.Single(_host.Instances.Values).SubStatus);
        Assert.Empty(_host.Bookmarks);
        Assert.Empty(_host.Timers);
    }

    [Fact]
    public async Task CaseCreated_GeneralInquiry_AcknowledgesAndWaits()
    {
        var caseId = _engine.Cases.AddCase("billing");

        await CaseCreatedAsync(caseId);

        var instance = Assert.Single(_host.Instances.Values);
        Assert.Equal("general-inquiry", instance.DefinitionId);
        var reply = Assert.Single(_engine.Cases.Messages);
        Assert.Equal(CaseMessageKind.PublicReply, reply.Kind);
        Assert.Contains("\"Help\"", reply.Text, StringComparison.Ordinal);
        Assert.Equal(_engine.Clock.GetUtcNow().AddDays(7), Assert.Single(_host.Timers).DueAt);
    }

    [Fact]
    public async Task QuietPeriod_GeneralInquiryWithoutReply_ClosesCase()
    {
        var caseId = _engine.Cases.AddCase("billing");
        await CaseCreatedAsync(caseId);

        await _host.AdvanceAsync(TimeSpan.FromDays(6));
        Assert.Empty(_engine.Cases.Closed);
        await _host.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Single(_engine.Cases.Closed);
        Assert.Equal("Closed", _engine.Cases.Cases[caseId]["Status"]);
        Assert.Equal(WorkflowStatus.Finished, Assert.Single(_host.Instances.Values).Status);
        Assert.Empty(_host.Bookmarks);
    }

    [Fact]
    public async Task CustomerReplied_GeneralInquiry_HandsOverAndCancelsTimeout()
    {
        var caseId = _engine.Cases.AddCase("billing");
        await CaseCreatedAsync(caseId);

        await _host.SendAsync(Stimuli.CustomerReplied(caseId), new JsonObject { ["text"] = "Any news?" });
        await _host.AdvanceAsync(TimeSpan.FromDays(30));

        Assert.Empty(_engine.Cases.Closed);
        Assert.Equal(CaseMessageKind.InternalNote, _engine.Cases.Messages[^1].Kind);
        Assert.Equal(new CaseUpdate(Status: "Open", Queue: "general"), _engine.Cases.Updates[^1].Update);
        Assert.Empty(_host.Timers);
    }

    [Fact]
    public async Task CustomerReplied_OtherCase_DoesNotResume()
    {
        var caseId = _engine.Cases.AddCase("billing");
        await CaseCreatedAsync(caseId);

        var results = await _host.SendAsync(Stimuli.CustomerReplied(Guid.NewGuid()));

        Assert.Empty(results);
        Assert.Equal(WorkflowSubStatus.Suspended, Assert.Single(_host.Instances.Values).SubStatus);
    }

    [Fact]
    public async Task CaseActivity_WithoutCaseCorrelation_FaultsClearly()
    {
        var definition = WorkflowDefinitionReader.Read(ElsaJson.Sequence(
            ElsaJson.Activity("Close1", "CustomerCases.CloseCase")));

        var result = await _engine.StartAsync(definition, correlationId: "not-a-case");

        Assert.Contains("correlation id to be a case id", Assert.Single(result.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateCase_NothingToChange_Faults()
    {
        var definition = WorkflowDefinitionReader.Read(ElsaJson.Sequence(ElsaJson.Activity("Update1", "CustomerCases.UpdateCase")));

        var result = await _engine.StartAsync(definition, correlationId: _engine.Cases.AddCase("x").ToString());

        Assert.Contains("changes nothing", Assert.Single(result.Incidents).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public reply", CaseMessageKind.PublicReply)]
    [InlineData("InternalNote", CaseMessageKind.InternalNote)]
    [InlineData("internal note", CaseMessageKind.InternalNote)]
    [InlineData(null, CaseMessageKind.PublicReply)]
    public void ParseKind_KnownSpellings_Map(string? text, CaseMessageKind expected) =>
        Assert.Equal(expected, CustomerCases.Workflows.Activities.AddCaseMessageActivity.ParseKind(text));
}
