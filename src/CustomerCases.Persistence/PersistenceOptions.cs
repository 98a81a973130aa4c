namespace CustomerCases.Persistence;

public sealed class PersistenceOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Where the embedded SQLite file lives when no connection string is given (relative to the working directory).</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>How long a SQLite writer waits for the file lock before failing.</summary>
    public int SqliteBusyTimeoutMs { get; set; } = 5000;
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
