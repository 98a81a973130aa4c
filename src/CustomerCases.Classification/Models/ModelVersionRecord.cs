namespace CustomerCases.Classification.Models;

/// <summary>
/// What the host stores per model version (one database row): identity, file, checksum, training summary and the
/// validation macro-F1 of each label set. Built from the package, so the row can always be recreated from the file.
/// </summary>
public sealed record ModelVersionRecord(
    string VersionId,
    DateTimeOffset CreatedAt,
    string FileName,
    long SizeBytes,
    string Sha256,
    string Source,
    int Rows,
    IReadOnlyDictionary<string, double> ValidationMacroF1,
    bool IsActive);
