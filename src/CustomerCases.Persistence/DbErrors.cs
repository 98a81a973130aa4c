using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CustomerCases.Persistence;

public static class DbErrors
{
    /// <summary>True when a write lost a race on a unique key (two nodes or two requests creating the same thing).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception?.InnerException switch
    {
        // extended result codes are not always enabled, so the message tells unique from other constraint failures
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal),
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
