using CustomerCases.Workflows.Expressions;
using Xunit;

namespace CustomerCases.Workflows.Tests.Expressions;

/// <summary>Which scripts let a pooled engine be reused as is, after a restore of its globals, or not at all.</summary>
public sealed class ScriptReuseCheckTests
{
    [Theory]
    [InlineData("getCounter() + 1")]
    [InlineData("return getInput('n') > 1;")]
    [InlineData("getCase().category == 'billing' && getVariable('x') != null")]
    [InlineData("`Hello ${getInput('name')}!`")]
    [InlineData("getVariable('items').filter(i => i.done).map(i => i.name).join(', ')")]
    [InlineData("if (getInput('n') > 5) { return true; } return false;")]
    [InlineData("({ a: 1, b: [1, 2] })")]
    [InlineData("[3, 1, 2].sort().reverse().concat([getInput('n')])")]
    public void Check_ReadOnlyExpression_ReusesEngineAsIs(string script) =>
        Assert.Equal(EngineAfterScript.Reuse, Check(script));

    [Theory]
    [InlineData("var x = 1; x")]
    [InlineData("x = 1")]
    [InlineData("let total = 0; for (const v of getVariable('items')) { total += v; } total")]
    [InlineData("'abc'.replace(/b/, 'c')")]
    [InlineData("'abc'.match('b')")]
    [InlineData("new RegExp('b').test('abc')")]
    public void Check_ScriptBindingGlobalsOrRegExpStatics_RestoresGlobals(string script) =>
        Assert.Equal(EngineAfterScript.RestoreGlobals, Check(script));

    [Theory]
    [InlineData("Array.prototype.x = 1")]
    [InlineData("var o = {}; o.x = 1; o")]
    [InlineData("getVariable.x = 1")]
    [InlineData("delete Math.max")]
    [InlineData("Object.assign(Object.prototype, { x: 1 })")]
    [InlineData("Reflect.set(Math, 'x', 1)")]
    [InlineData("[].constructor")]
    [InlineData("''.__proto__")]
    [InlineData("var k = 'constructor'; ({})[k]")]
    [InlineData("this.x = 1")]
    [InlineData("globalThis.x")]
    [InlineData("Symbol.for('x')")]
    [InlineData("class A {}")]
    [InlineData("async function f() {} f()")]
    [InlineData("function* g() { yield 1; }")]
    [InlineData("with (Math) { max(1, 2) }")]
    [InlineData("getVariable('items')[0].done = true")]
    [InlineData("var o = {}; [o.x] = [1]; o")]
    [InlineData("[].push.call(Math, 1)")]
    [InlineData("[1].forEach([].push, Math)")]
    [InlineData("var { push } = []; [1].forEach(push, Math)")]
    [InlineData("var { constructor: c } = {}; c")]
    [InlineData("Error.captureStackTrace(Math)")]
    [InlineData("var f = getVariable.bind(null); f('x')")]
    [InlineData("var o = {}; ({ a: o.x } = { a: 1 }); o")]
    public void Check_ScriptThatCanChangeWhatARestoreKeeps_DiscardsEngine(string script) =>
        Assert.Equal(EngineAfterScript.Discard, Check(script));

    private static EngineAfterScript Check(string script) => ScriptReuseCheck.Check(JavaScriptScriptCache.Prepare(script).Program!);
}
