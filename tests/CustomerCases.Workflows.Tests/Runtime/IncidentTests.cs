using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Tests.Support;
using Xunit;

namespace CustomerCases.Workflows.Tests.Runtime;

public sealed class IncidentTests
{
    [Fact]
    public async Task Fault_OnPurpose_RecordsIncidentAndFaultsWorkflow()
    {
        var result = await new TestEngine().RunFixtureAsync("fault.json");

        Assert.Equal(["before"], result.Lines());
        Assert.Equal(WorkflowStatus.Finished, result.State.Status);
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
        var incident = Assert.Single(result.Incidents);
        Assert.Equal("Fault1", incident.ActivityId);
        Assert.Equal("Elsa.Fault", incident.ActivityType);
        Assert.Equal("[Business E42] Refund limit exceeded", incident.Message);
        Assert.Contains(result.Journal, e => e is { ActivityId: "Fault1", EventName: JournalEvents.Faulted });
    }

    [Fact]
    public async Task Start_ContinueWithIncidentsStrategy_OtherBranchKeepsRunning()
    {
        var result = await new TestEngine().RunFixtureAsync("continue-with-incidents.json");

        Assert.Equal(["still running"], result.Lines());
        Assert.Equal("Broken", Assert.Single(result.Incidents).ActivityId);
        Assert.Equal(WorkflowSubStatus.Finished, result.State.SubStatus);
    }

    [Fact]
    public async Task Start_ScriptThatThrows_IncidentNamesActivity()
    {
        var engine = new TestEngine();

        var result = await engine.StartAsync(ElsaJson.Script("null.property"));

        var incident = Assert.Single(result.Incidents);
        Assert.Equal("Script1", incident.ActivityId);
        Assert.Contains("JavaScript in input 'text' failed", incident.Message, StringComparison.Ordinal);
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
    }

    [Fact]
    public async Task Start_EndlessLoopScript_TimesOutAsIncident()
    {
        var engine = new TestEngine(o =>
        {
            o.ScriptTimeout = TimeSpan.FromMilliseconds(300);
            o.ScriptMaxStatements = int.MaxValue;
        });

        var result = await engine.StartAsync(ElsaJson.Script("while(true){}"));

        var incident = Assert.Single(result.Incidents);
        Assert.Equal("Script1", incident.ActivityId);
        Assert.Contains("timed out", incident.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
    }

    [Theory]
    [InlineData("for(;;){}")]
    [InlineData("function f(){ return f(); } f()")]
    [InlineData("var a = []; while (true) { a.push(new Array(1000).join('x')); }")]
    public async Task Start_ScriptExceedingLimits_FaultsInsteadOfHanging(string script)
    {
        var result = await new TestEngine().StartAsync(ElsaJson.Script(script));

        Assert.Equal("Script1", Assert.Single(result.Incidents).ActivityId);
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO').File.ReadAllText('/etc/passwd')")]
    [InlineData("getCase().GetType()")]
    [InlineData("eval('1 + 1')")]
    [InlineData("new Function('return 1')()")]
    public async Task Start_ScriptReachingForClrOrEval_IsDenied(string script)
    {
        var result = await new TestEngine().StartAsync(ElsaJson.Script(script));

        Assert.Single(result.Incidents);
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
    }

    [Fact]
    public async Task Start_SameScriptTwice_ParsesOnce()
    {
        var engine = new TestEngine();
        var definition = ElsaJson.Script("'cached ' + (1 + 1)");

        var first = await engine.StartAsync(definition);
        var second = await engine.StartAsync(definition);

        Assert.Equal(["cached 2"], first.Lines());
        Assert.Equal(["cached 2"], second.Lines());
        Assert.Equal(1, engine.Scripts.Count);
    }

    [Theory]
    [InlineData("Acme.Unknown", "Literal", "Unknown activity type 'Acme.Unknown'")]
    [InlineData("Elsa.WriteLine", "CSharp", "expression language 'CSharp'")]
    public async Task Start_UnknownTypeOrLanguage_FaultsWithClearMessage(string type, string language, string expected)
    {
        var json = ElsaJson.Sequence(ElsaJson.Activity("A1", type, ("text", ElsaJson.Expression(language, "\"x\"", "String"))));

        var result = await new TestEngine().StartAsync(WorkflowDefinitionReader.Read(json));

        Assert.Contains(expected, Assert.Single(result.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_LoopWithoutWait_StopsAtStepLimitWithIncident()
    {
        var engine = new TestEngine(o => o.MaxStepsPerExecution = 50);
        var json = ElsaJson.Workflow(
            [
                ElsaJson.Activity("Start1", "Elsa.Start"),
                ElsaJson.Activity("Spin", "Elsa.WriteLine", ("text", ElsaJson.Expression("Literal", "spin", "String"))),
            ],
            [ElsaJson.Connection("Start1", "Spin"), ElsaJson.Connection("Spin", "Spin")]).ToJsonString();

        var result = await engine.StartAsync(WorkflowDefinitionReader.Read(json));

        Assert.Contains("exceeded 50 activity runs", Assert.Single(result.Incidents).Message, StringComparison.Ordinal);
        Assert.Equal(49, result.Lines().Count);
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
    }

    [Fact]
    public async Task Start_CatastrophicRegex_TimesOutAsIncident()
    {
        var engine = new TestEngine(o => o.ScriptTimeout = TimeSpan.FromMilliseconds(300));

        var result = await engine.StartAsync(ElsaJson.Script("/^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!') ? 'matched' : 'no'"));

        Assert.Equal("Script1", Assert.Single(result.Incidents).ActivityId);
    }
}
