namespace CustomerCases.Domain.Work;

/// <summary>
/// One field an agent fills in when completing a task: <c>text</c>, <c>number</c>, <c>boolean</c> or <c>date</c>.
/// A number may have bounds (<see cref="Min"/>, <see cref="Max"/>, inclusive: a refund of −5 is a typo, not a refund);
/// a text may be a choice among <see cref="Options"/>.
/// </summary>
public sealed record TaskFormField(string Name, string Type, bool Required, string? Label = null,
    double? Min = null, double? Max = null, IReadOnlyList<string>? Options = null)
{
    public const string Text = "text";
    public const string Number = "number";
    public const string Boolean = "boolean";
    public const string Date = "date";

    public static readonly IReadOnlyList<string> Types = [Text, Number, Boolean, Date];

    public static bool IsKnownType(string type) => Types.Contains(type, StringComparer.Ordinal);
}
