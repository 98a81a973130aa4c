namespace CustomerCases.Domain.Work;

/// <summary>One field an agent fills in when completing a task: <c>text</c>, <c>number</c>, <c>boolean</c> or <c>date</c>.</summary>
public sealed record TaskFormField(string Name, string Type, bool Required, string? Label = null)
{
    public const string Text = "text";
    public const string Number = "number";
    public const string Boolean = "boolean";
    public const string Date = "date";

    public static readonly IReadOnlyList<string> Types = [Text, Number, Boolean, Date];

    public static bool IsKnownType(string type) => Types.Contains(type, StringComparer.Ordinal);
}
