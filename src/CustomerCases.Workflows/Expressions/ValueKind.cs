namespace CustomerCases.Workflows.Expressions;

/// <summary>The plain-value shape an Elsa type name stands for. Type names are never loaded as CLR types.</summary>
internal enum ValueKind
{
    Any,
    String,
    Integer,
    Number,
    Boolean,
    TimeSpan,
    DateTime,
    Object,
    Array,
}
