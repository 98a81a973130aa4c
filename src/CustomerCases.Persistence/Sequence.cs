namespace CustomerCases.Persistence;

/// <summary>A named counter (case numbers). Advanced with one UPDATE … RETURNING inside the caller's transaction.</summary>
public sealed class Sequence
{
    public const string CaseNumbers = "case-number";

    public string Name { get; set; } = "";

    public long Value { get; set; }
}
