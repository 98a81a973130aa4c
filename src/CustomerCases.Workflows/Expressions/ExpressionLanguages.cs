namespace CustomerCases.Workflows.Expressions;

/// <summary>Expression types this engine evaluates. CSharp, Python and Liquid are refused: see the validator.</summary>
internal static class ExpressionLanguages
{
    public const string Literal = "Literal";
    public const string JavaScript = "JavaScript";

    private static readonly HashSet<string> Supported = new(StringComparer.OrdinalIgnoreCase)
    {
        Literal, "Object", "Json", "Variable", "Input", JavaScript,
    };

    public static bool IsSupported(string type) => Supported.Contains(type);
}
