namespace CustomerCases.Workflows.Ports;

/// <summary>
/// How case activities read and change the case a workflow runs for (the instance's correlation id is the case id).
/// The host implements it over its own unit of work, so the changes commit in the same transaction as the workflow
/// state, bookmarks and journal of the execution that made them. Implementations must not commit on their own.
/// </summary>
public interface ICaseActivityGateway
{
    /// <summary>
    /// A snapshot of the case for expressions (<c>getCase()</c>): plain values (string, number, bool, date, nested
    /// dictionaries/lists) by property name; keys are turned into camelCase for scripts. Null when the case is unknown.
    /// </summary>
    Task<IReadOnlyDictionary<string, object?>?> GetCaseAsync(Guid caseId, CancellationToken cancellationToken);

    /// <summary>Applies the non-null fields of <paramref name="update"/> (the domain enforces its own rules).</summary>
    Task UpdateCaseAsync(Guid caseId, CaseUpdate update, CancellationToken cancellationToken);

    /// <summary>Adds a public reply to the customer or an internal note, authored by the workflow.</summary>
    Task AddMessageAsync(Guid caseId, CaseMessageKind kind, string text, CancellationToken cancellationToken);

    /// <summary>Closes the case with an optional resolution text.</summary>
    Task CloseCaseAsync(Guid caseId, string? resolution, CancellationToken cancellationToken);
}
