using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Tests.Support;
using Xunit;

namespace CustomerCases.Workflows.Tests.Expressions;

public sealed class JavaScriptFunctionTests
{
    private readonly TestEngine _engine = new();

    [Fact]
    public async Task GetLastResult_AfterResumedEvent_ReturnsEventPayload()
    {
        var definition = WorkflowDefinitionReader.Read(ElsaJson.Sequence(
            ElsaJson.Activity("Event1", "Elsa.Event", ("eventName", ElsaJson.Expression("Literal", "Go", "String"))),
            ElsaJson.Activity("Line1", "Elsa.WriteLine", ("text", ElsaJson.Expression("JavaScript", "'last ' + getLastResult().n", "String")))));
        var started = await _engine.StartAsync(definition);

        var result = await _engine.Engine.ResumeAsync(definition, started.State,
            ResumeRequest.ByStimulus(Stimuli.Event("Go"), new JsonObject { ["payload"] = new JsonObject { ["n"] = 3 } }));

        Assert.Equal(["last 3"], result.Lines());
    }

    [Fact]
    public async Task SetCorrelationId_FromScript_ChangesInstanceCorrelation()
    {
        var result = await _engine.StartAsync(ElsaJson.Script("setCorrelationId('case-' + getInput('n')); getCorrelationId()"),
            new JsonObject { ["n"] = 5 });

        Assert.Equal(["case-5"], result.Lines());
        Assert.Equal("case-5", result.State.CorrelationId);
    }

    [Fact]
    public async Task GetCase_WithCaseCorrelation_ReturnsCamelCaseSnapshot()
    {
        var caseId = _engine.Cases.AddCase("billing", priority: "Low");

        var result = await _engine.StartAsync(ElsaJson.Script("getCase().category + '/' + getCase().priority + '/' + getCase().tags.length"),
            correlationId: caseId.ToString());

        Assert.Equal(["billing/Low/0"], result.Lines());
    }

    [Fact]
    public async Task Script_ReturningObject_ComesBackAsJson()
    {
        var definition = WorkflowDefinitionReader.Read(ElsaJson.Sequence(
            ElsaJson.Activity("Out1", "Elsa.SetOutput",
                ("outputName", ElsaJson.Expression("Literal", "result", "String")),
                ("outputValue", ElsaJson.Expression("JavaScript", "({ list: [1, 2.5, 'x'], flag: true, none: null })")))));

        var result = await _engine.StartAsync(definition);

        Assert.Equal("{\"list\":[1,2.5,\"x\"],\"flag\":true,\"none\":null}", result.Output["result"]!.ToJsonString());
    }

    [Theory]
    [InlineData("return getInput('n') > 1;", "yes")]
    [InlineData("if (getInput('n') > 5) { return true; } return false;", "no")]
    public async Task Condition_WithTopLevelReturn_AsStudioWritesIt(string condition, string expected)
    {
        var definition = WorkflowDefinitionReader.Read(ElsaJson.Workflow(
            [
                ElsaJson.Activity("Start1", "Elsa.Start"),
                ElsaJson.Activity("Decision1", "Elsa.FlowDecision", ("condition", ElsaJson.Expression("JavaScript", condition, "Boolean"))),
                ElsaJson.Activity("Yes", "Elsa.WriteLine", ("text", ElsaJson.Expression("Literal", "yes", "String"))),
                ElsaJson.Activity("No", "Elsa.WriteLine", ("text", ElsaJson.Expression("Literal", "no", "String"))),
            ],
            [ElsaJson.Connection("Start1", "Decision1"), ElsaJson.Connection("Decision1", "Yes", "True"), ElsaJson.Connection("Decision1", "No", "False")]).ToJsonString());

        var result = await _engine.StartAsync(definition, new JsonObject { ["n"] = 3 });

        Assert.Equal([expected], result.Lines());
        Assert.Empty(_engine.Validator.Validate(definition).Issues);
    }

    [Theory]
    [InlineData("setOutcome(getInput('n') > 2 ? 'Big' : 'Small'); return getInput('n') * 2;", "big", 6)]
    [InlineData("setOutcomes(['Small']); return 0;", "small", 0)]
    public async Task RunJavaScript_SetOutcome_SelectsPortAndOutputsResult(string script, string expected, int output)
    {
        var definition = WorkflowDefinitionReader.Read(ElsaJson.Workflow(
            [
                ElsaJson.Activity("Start1", "Elsa.Start"),
                ElsaJson.Activity("Script1", "Elsa.RunJavaScript", ("script", ElsaJson.Expression("Literal", script, "String"))),
                ElsaJson.Activity("Big", "Elsa.WriteLine", ("text", ElsaJson.Expression("Literal", "big", "String"))),
                ElsaJson.Activity("Small", "Elsa.WriteLine", ("text", ElsaJson.Expression("Literal", "small", "String"))),
            ],
            [ElsaJson.Connection("Start1", "Script1"), ElsaJson.Connection("Script1", "Big", "Big"), ElsaJson.Connection("Script1", "Small", "Small")]).ToJsonString());

        var result = await _engine.StartAsync(definition, new JsonObject { ["n"] = 3 });

        Assert.Equal([expected], result.Lines());
        Assert.Equal(output, result.State.ActivityOutputs["Script1"]["Result"]!.GetValue<long>());
        Assert.Empty(_engine.Validator.Validate(definition).Issues);
    }

    [Fact]
    public void Validate_RunJavaScriptWithSyntaxError_ReportsIt()
    {
        var definition = WorkflowDefinitionReader.Read(ElsaJson.Sequence(
            ElsaJson.Activity("Script1", "Elsa.RunJavaScript", ("script", ElsaJson.Expression("Literal", "return (1 +;", "String")))));

        var error = Assert.Single(_engine.Validator.Validate(definition).Errors);

        Assert.Contains("JavaScript syntax error in input 'script'", error.Message, StringComparison.Ordinal);
    }
}
