namespace CustomerCases.Benchmarks.Baselines;

/// <summary>The intake body (same JSON as <c>POST /api/cases</c>), so B-insert parses what the service parses.</summary>
public sealed record InsertRequest(InsertRequest.CustomerBody? Customer, string? Subject, string? Description, string? Channel)
{
    public sealed record CustomerBody(string? Email, string? Name);

    public bool IsValid =>
        !string.IsNullOrWhiteSpace(Customer?.Email) && !string.IsNullOrWhiteSpace(Subject) &&
        !string.IsNullOrWhiteSpace(Description) && !string.IsNullOrWhiteSpace(Channel);
}
