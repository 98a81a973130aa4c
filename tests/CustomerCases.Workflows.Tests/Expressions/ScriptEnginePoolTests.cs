using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Tests.Support;
using Xunit;

namespace CustomerCases.Workflows.Tests.Expressions;

/// <summary>
/// Script engines are pooled across executions; nothing one instance's script does may be visible to the next, and the
/// sandbox limits must hold on a reused engine as on a new one.
/// </summary>
public sealed class ScriptEnginePoolTests
{
    [Fact]
    public async Task Start_SafeScript_ReturnsEngineToPoolAndNextRunReusesIt()
    {
        var engine = new TestEngine();
        var definition = ElsaJson.Script("'n=' + (getInput('n') + 1)");

        await engine.StartAsync(definition, new() { ["n"] = 1 });
        Assert.Equal(1, engine.Scripts.Engines.IdleCount);
        var second = await engine.StartAsync(definition, new() { ["n"] = 41 });

        Assert.Equal(["n=42"], second.Lines());
        Assert.Equal(1, engine.Scripts.Engines.IdleCount);
    }

    [Theory]
    [InlineData("var leaked = 'first'; leaked")]
    [InlineData("leaked = 'first'; leaked")]
    [InlineData("let leaked = 'first'; leaked")]
    [InlineData("function leaked() { return 'first'; } leaked()")]
    public async Task Start_ScriptDeclaringGlobal_NextInstanceDoesNotSeeIt(string script)
    {
        var engine = new TestEngine();

        var first = await engine.StartAsync(ElsaJson.Script(script));
        var second = await engine.StartAsync(ElsaJson.Script("typeof leaked"));
        // A top-level let would make a second declaration a SyntaxError on a shared engine.
        var third = await engine.StartAsync(ElsaJson.Script(script));

        Assert.Empty(first.Incidents);
        Assert.Equal(["undefined"], second.Lines());
        Assert.Empty(third.Incidents);
    }

    [Theory]
    [InlineData("Array.prototype.leaked = 'first'; 'x'", "typeof [].leaked")]
    [InlineData("Object.prototype.leaked = 'first'; 'x'", "typeof ({}).leaked")]
    [InlineData("Object.defineProperty(Array.prototype, 'leaked', { value: 1 }); 'x'", "typeof [].leaked")]
    [InlineData("getInput.leaked = 'first'; 'x'", "typeof getInput.leaked")]
    [InlineData("Math.leaked = 'first'; 'x'", "typeof Math.leaked")]
    [InlineData("[].constructor.prototype.leaked = 'first'; 'x'", "typeof [].leaked")]
    [InlineData("var k = 'constr' + 'uctor'; ({})[k].assign(({})[k].prototype, { leaked: 1 }); 'x'", "typeof ({}).leaked")]
    [InlineData("''.__proto__.leaked = function () { return 1; }; 'x'", "typeof ''.leaked")]
    [InlineData("[1].forEach([].push, Math); 'x'", "typeof Math.length")]
    [InlineData("[].splice.call(Math, 0, 0, 1); 'x'", "typeof Math[0]")]
    public async Task Start_ScriptChangingBuiltInsOrHostFunctions_NextInstanceGetsPristineEngine(string script, string probe)
    {
        var engine = new TestEngine();

        var first = await engine.StartAsync(ElsaJson.Script(script));
        var idleAfterFirst = engine.Scripts.Engines.IdleCount;
        var second = await engine.StartAsync(ElsaJson.Script(probe));

        Assert.Empty(first.Incidents);
        Assert.Equal(0, idleAfterFirst);
        Assert.Equal(["undefined"], second.Lines());
    }

    [Fact]
    public async Task Start_ScriptThatFails_EngineIsNotPooled()
    {
        var engine = new TestEngine();

        var result = await engine.StartAsync(ElsaJson.Script("null.property"));

        Assert.Single(result.Incidents);
        Assert.Equal(0, engine.Scripts.Engines.IdleCount);
    }

    [Fact]
    public async Task Start_EndlessLoopOnReusedEngine_StillTimesOut()
    {
        var engine = new TestEngine(o =>
        {
            o.ScriptTimeout = TimeSpan.FromMilliseconds(300);
            o.ScriptMaxStatements = int.MaxValue;
        });
        await engine.StartAsync(ElsaJson.Script("'warm'"));
        Assert.Equal(1, engine.Scripts.Engines.IdleCount);

        var result = await engine.StartAsync(ElsaJson.Script("while(true){}"));

        Assert.Contains("timed out", Assert.Single(result.Incidents).Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
    }

    [Theory]
    [InlineData("for(;;){}")]
    [InlineData("function f(){ return f(); } f()")]
    [InlineData("var a = []; while (true) { a.push(new Array(1000).join('x')); }")]
    [InlineData("eval('1 + 1')")]
    [InlineData("importNamespace('System.IO').File.ReadAllText('/etc/passwd')")]
    public async Task Start_LimitsAndDenialsOnReusedEngine_StillFault(string script)
    {
        var engine = new TestEngine();
        await engine.StartAsync(ElsaJson.Script("'warm'"));
        Assert.Equal(1, engine.Scripts.Engines.IdleCount);

        var result = await engine.StartAsync(ElsaJson.Script(script));

        Assert.Equal("Script1", Assert.Single(result.Incidents).ActivityId);
        Assert.Equal(WorkflowSubStatus.Faulted, result.State.SubStatus);
    }

    [Fact]
    public async Task Start_RegExpMatch_LegacyStaticsDoNotReachNextInstance()
    {
        var engine = new TestEngine();

        await engine.StartAsync(ElsaJson.Script("'abc'.match(/(b)/)[1]"));
        var second = await engine.StartAsync(ElsaJson.Script("'[' + (RegExp.$1 || '') + ']'"));

        Assert.Equal(["[]"], second.Lines());
    }
}
