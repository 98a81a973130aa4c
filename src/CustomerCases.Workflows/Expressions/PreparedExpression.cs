using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Expressions;

/// <summary>
/// An input's expression as the evaluator needs it, derived once per definition: the language resolved, and a Literal's
/// or Object's value parsed once (each evaluation gets its own deep copy, exactly what parsing again would give).
/// </summary>
internal sealed class PreparedExpression
{
    private JsonNode? _template;
    private bool _templateReady;

    private PreparedExpression(ExpressionDefinition definition)
    {
        Definition = definition;
        var type = definition.Type;
        Language = type.Equals("Literal", StringComparison.OrdinalIgnoreCase) ? ExpressionLanguage.Literal
            : type.Equals("Object", StringComparison.OrdinalIgnoreCase) || type.Equals("Json", StringComparison.OrdinalIgnoreCase) ? ExpressionLanguage.Object
            : type.Equals("Variable", StringComparison.OrdinalIgnoreCase) ? ExpressionLanguage.Variable
            : type.Equals("Input", StringComparison.OrdinalIgnoreCase) ? ExpressionLanguage.Input
            : type.Equals(ExpressionLanguages.JavaScript, StringComparison.OrdinalIgnoreCase) ? ExpressionLanguage.JavaScript
            : ExpressionLanguage.Unsupported;
        if (Language == ExpressionLanguage.JavaScript)
        {
            Script = definition.ValueText ?? "";
            UsesCase = Script.Contains("getCase", StringComparison.Ordinal);
        }
    }

    public ExpressionDefinition Definition { get; }

    public ExpressionLanguage Language { get; }

    /// <summary>The JavaScript source (empty when none).</summary>
    public string Script { get; } = "";

    /// <summary>The script calls <c>getCase()</c>, so the case snapshot must be loaded before it runs.</summary>
    public bool UsesCase { get; }

    public static PreparedExpression? From(ExpressionDefinition? definition) => definition is null ? null : new PreparedExpression(definition);

    /// <summary>A fresh copy of the Literal/Object value (null for JSON null or an absent value).</summary>
    public JsonNode? StaticValue()
    {
        if (!Volatile.Read(ref _templateReady))
        {
            _template = Language == ExpressionLanguage.Object ? ObjectValue(Definition) : LiteralValue(Definition);
            Volatile.Write(ref _templateReady, true);
        }

        return _template?.DeepClone();
    }

    public static JsonNode? LiteralValue(ExpressionDefinition expression) => expression.Value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => JsonValues.FromElement(expression.Value),
    };

    public static JsonNode? ObjectValue(ExpressionDefinition expression) =>
        expression.Value.ValueKind == JsonValueKind.String ? JsonValues.ParseEmbedded(expression.Value.GetString()) : JsonValues.FromElement(expression.Value);
}

/// <summary>The expression languages the evaluator tells apart.</summary>
internal enum ExpressionLanguage
{
    Literal,
    Object,
    Variable,
    Input,
    JavaScript,
    Unsupported,
}
