using Acornima;
using Acornima.Ast;

namespace CustomerCases.Workflows.Expressions;

/// <summary>
/// Decides whether a script leaves a pooled Jint engine exactly as a fresh one would be once its global bindings are
/// restored (<c>RestoreGlobalSnapshot</c> reverts globals, top-level declarations and RegExp statics, but not changes to
/// objects reachable from them, e.g. <c>Array.prototype.x = 1</c> or a property set on a host function). Conservative:
/// only a whitelist of syntax passes, with no property writes, no <c>delete</c>, no <c>this</c>, no reflective globals
/// (<c>Object</c>, <c>Reflect</c>, <c>Symbol</c> with its registry, ...), no member names that lead to prototypes and no
/// built-in mutators taken as values. A script that does not pass still runs as before, on an engine that is thrown
/// away afterwards instead of being pooled.
/// </summary>
internal static class ScriptReuseCheck
{
    private static readonly HashSet<string> DeniedGlobals = new(StringComparer.Ordinal)
    {
        "Object", "Reflect", "Proxy", "Function", "Symbol", "globalThis", "eval", "Promise", "Atomics", "SharedArrayBuffer",
        "WeakRef", "FinalizationRegistry", "ShadowRealm",
    };

    // Names that reach prototypes or change what `this` is for a built-in: never allowed.
    private static readonly HashSet<string> DeniedMembers = new(StringComparer.Ordinal)
    {
        "prototype", "__proto__", "constructor", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
        "caller", "callee", "call", "apply", "bind", "captureStackTrace", "prepareStackTrace",
    };

    // Built-ins that change whatever object they get as `this` or as an argument. Called as a method of a value they
    // only change that value (no built-in object inherits them except Array.prototype, which cannot be reached); taken
    // as a value they could be handed another receiver (e.g. as a callback with a thisArg), so they may only be called.
    private static readonly HashSet<string> CallOnlyMembers = new(StringComparer.Ordinal)
    {
        "push", "pop", "shift", "unshift", "splice", "fill", "copyWithin", "reverse", "sort",
        "assign", "defineProperty", "defineProperties", "setPrototypeOf", "getPrototypeOf", "freeze", "seal", "preventExtensions",
    };

    /// <summary>What an engine needs after running <paramref name="program"/> before the next execution may use it.</summary>
    public static EngineAfterScript Check(Node program) =>
        !IsSafe(program) ? EngineAfterScript.Discard
        : MayTouchGlobals(program) ? EngineAfterScript.RestoreGlobals
        : EngineAfterScript.Reuse;

    /// <summary>
    /// A safe script may still bind globals (declarations, assignments to undeclared names) or set RegExp's legacy
    /// statics; only one that does none of that can skip the restore (which costs more than running a short script).
    /// </summary>
    private static bool MayTouchGlobals(Node node)
    {
        switch (node)
        {
            case VariableDeclaration or FunctionDeclaration or AssignmentExpression or UpdateExpression or ForInStatement or ForOfStatement
                or RegExpLiteral:
                return true;
            case Identifier { Name: "RegExp" }:
                return true;
            case MemberExpression { Computed: false, Property: Identifier name } when RegExpMethods.Contains(name.Name):
                return true;
            case MemberExpression { Computed: true, Property: StringLiteral text } when RegExpMethods.Contains(text.Value):
                return true;
        }

        foreach (var child in node.ChildNodes)
        {
            if (MayTouchGlobals(child)) return true;
        }

        return false;
    }

    /// <summary>String methods that turn a string argument into a RegExp (setting the legacy statics).</summary>
    private static readonly HashSet<string> RegExpMethods = new(StringComparer.Ordinal)
    {
        "match", "matchAll", "search", "replace", "replaceAll", "split", "exec", "test",
    };

    private static bool IsSafe(Node? node)
    {
        switch (node)
        {
            case null:
                return true;
            case Identifier identifier:
                return !DeniedGlobals.Contains(identifier.Name);
            case CallExpression { Callee: MemberExpression method } call:
                return IsSafe(method.Object) && IsSafeMemberName(method, asCallee: true) && call.Arguments.All(IsSafe);
            case MemberExpression member:
                return IsSafe(member.Object) && IsSafeMemberName(member, asCallee: false);
            case ObjectPattern pattern:
                // Destructuring reads the named properties, exactly like member expressions used as values.
                return pattern.Properties.All(p => p switch
                {
                    Property { Computed: false, Key: Identifier key } property => IsAllowedName(key.Name, asCallee: false) && IsSafe(property.Value),
                    Property { Computed: false, Key: StringLiteral key } property => IsAllowedName(key.Value, asCallee: false) && IsSafe(property.Value),
                    RestElement rest => IsSafe(rest),
                    _ => false,
                });
            case AssignmentExpression assignment:
                return IsWritableLocally(assignment.Left) && IsSafe(assignment.Left) && IsSafe(assignment.Right);
            case UpdateExpression update:
                return update.Argument is Identifier && IsSafe(update.Argument);
            case UnaryExpression unary:
                return unary.Operator != Operator.Delete && IsSafe(unary.Argument);
            case ForInStatement forIn:
                return IsWritableLocally(forIn.Left) && AllSafe(forIn);
            case ForOfStatement forOf:
                return !forOf.Await && IsWritableLocally(forOf.Left) && AllSafe(forOf);
            case Property { Computed: false } property:
                // A plain key names a property of the new object, not a variable.
                return IsSafe(property.Value);
            case IFunction function when function.Async || function.Generator:
                return false;
            default:
                return AllowedTypes.Contains(node.Type) && AllSafe(node);
        }
    }

    private static bool AllSafe(Node node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (!IsSafe(child)) return false;
        }

        return true;
    }

    private static bool IsSafeMemberName(MemberExpression member, bool asCallee) => member.Property switch
    {
        Identifier name when !member.Computed => IsAllowedName(name.Name, asCallee),
        StringLiteral text when member.Computed => IsAllowedName(text.Value, asCallee),
        NumericLiteral when member.Computed => true,
        // A computed name could spell "constructor" or "__proto__" at run time.
        _ => false,
    };

    private static bool IsAllowedName(string name, bool asCallee) =>
        !DeniedMembers.Contains(name) && (asCallee || !CallOnlyMembers.Contains(name));

    /// <summary>A write target that can only bind variables (restored with the globals), never set a property.</summary>
    private static bool IsWritableLocally(Node target) => target switch
    {
        Identifier => true,
        VariableDeclaration declaration => declaration.Declarations.All(d => IsWritableLocally(d.Id)),
        ArrayPattern array => array.Elements.All(e => e is null || IsWritableLocally(e)),
        ObjectPattern obj => obj.Properties.All(p => p switch
        {
            Property property => IsWritableLocally(property.Value),
            RestElement rest => IsWritableLocally(rest.Argument),
            _ => false,
        }),
        AssignmentPattern pattern => IsWritableLocally(pattern.Left),
        RestElement rest => IsWritableLocally(rest.Argument),
        _ => false,
    };

    private static readonly HashSet<NodeType> AllowedTypes =
    [
        NodeType.Program, NodeType.ExpressionStatement, NodeType.BlockStatement, NodeType.EmptyStatement, NodeType.IfStatement,
        NodeType.ReturnStatement, NodeType.VariableDeclaration, NodeType.VariableDeclarator, NodeType.Literal, NodeType.TemplateLiteral,
        NodeType.TemplateElement, NodeType.ArrayExpression, NodeType.ObjectExpression, NodeType.Property, NodeType.SpreadElement,
        NodeType.RestElement, NodeType.ArrayPattern, NodeType.ObjectPattern, NodeType.AssignmentPattern, NodeType.BinaryExpression,
        NodeType.LogicalExpression, NodeType.ConditionalExpression, NodeType.SequenceExpression, NodeType.CallExpression,
        NodeType.NewExpression, NodeType.ChainExpression, NodeType.ParenthesizedExpression, NodeType.ArrowFunctionExpression,
        NodeType.FunctionExpression, NodeType.FunctionDeclaration, NodeType.ForStatement, NodeType.WhileStatement,
        NodeType.DoWhileStatement, NodeType.BreakStatement, NodeType.ContinueStatement, NodeType.LabeledStatement,
        NodeType.SwitchStatement, NodeType.SwitchCase, NodeType.TryStatement, NodeType.CatchClause, NodeType.ThrowStatement,
    ];
}

/// <summary>What a pooled engine needs once a script has run on it.</summary>
internal enum EngineAfterScript
{
    /// <summary>Nothing: the script cannot have changed the engine.</summary>
    Reuse,

    /// <summary>Its globals must be restored to the captured snapshot.</summary>
    RestoreGlobals,

    /// <summary>It must not be reused.</summary>
    Discard,
}
