using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CustomerCases.Persistence;

public static class SequenceExtensions
{
    /// <summary>
    /// Takes the next value of a sequence inside the current transaction. The row lock (PostgreSQL) or the write lock
    /// (SQLite) serialises concurrent callers, and a rolled-back transaction gives its number back.
    /// </summary>
    public static async Task<long> NextValueAsync(this CustomerCasesDbContext db, string sequence, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        await using DbCommand command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "UPDATE \"Sequences\" SET \"Value\" = \"Value\" + 1 WHERE \"Name\" = @name RETURNING \"Value\"";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@name";
        parameter.Value = sequence;
        command.Parameters.Add(parameter);
        var result = await command.ExecuteScalarAsync(ct)
            ?? throw new InvalidOperationException($"Sequence '{sequence}' does not exist; migrations seed it.");
        return Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture);
    }
}
