using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;

namespace CustomerCases.Benchmarks.Soak;

/// <summary>
/// G9 volume without going through the API: clones one template case — created through the API, so every row has the
/// service's own shape (case, history, messages, SLA rows, triage, workflow instances and their state JSON, bookmarks,
/// journal, human tasks, routing decisions) — many times with fresh ids, straight into the same SQLite schema. Every id
/// of the template (case, instances, bookmarks, tasks, and each cloned row's own text key) is replaced wherever it
/// occurs, in any column and inside JSON, in upper/lower, with and without dashes; the case number gets a new value;
/// integer row ids are left to SQLite. One prepared INSERT per table, many cases per transaction. Run it while the
/// service is stopped.
/// </summary>
public static class BulkCloner
{
    private const int CasesPerTransaction = 2000;

    /// <summary>Tables never cloned: configuration, keys, definitions, shared customers, sequences, queues, idempotency.</summary>
    private static readonly HashSet<string> Shared = new(StringComparer.OrdinalIgnoreCase)
    {
        "__EFMigrationsHistory", "Sequences", "WorkflowDefinitions", "WorkflowTriggers", "ApiKeys", "Agents", "WorkQueues",
        "Customers", "TriageModels", "TriageTrainingRuns", "SlaDefinitions", "IdempotencyRecords", "WorkflowStimulusQueue",
    };

    public sealed record Result(int Cases, long Rows, double Seconds, IReadOnlyDictionary<string, int> RowsPerCaseByTable);

    /// <summary>Adds up to <paramref name="copies"/> clones of the case, stopping early when <paramref name="budget"/> is spent.</summary>
    public static Result Clone(string databasePath, Guid templateCaseId, int copies, TimeSpan budget, Action<string> progress)
    {
        var watch = Stopwatch.StartNew();
        using var connection = Baselines.SqliteDatabaseSettings.Default.Open(databasePath);
        var ids = RelatedIds(connection, templateCaseId);
        var tables = TemplateRows(connection, ids);
        var maxNumber = Scalar(connection, "SELECT MAX(\"Number\") FROM \"Cases\"");

        var done = 0;
        long rows = 0;
        while (done < copies && watch.Elapsed < budget)
        {
            var batch = Math.Min(CasesPerTransaction, copies - done);
            using var transaction = connection.BeginTransaction();
            using (var defer = connection.CreateCommand())
            {
                // Tables are filled in name order (CaseHistory before Cases): foreign keys are checked at commit instead,
                // which also proves every clone complete and consistent.
                defer.Transaction = transaction;
                defer.CommandText = "PRAGMA defer_foreign_keys = ON";
                defer.ExecuteNonQuery();
            }
            var inserts = tables.Select(t => t.PrepareInsert(connection, transaction)).ToList();
            try
            {
                for (var copy = done; copy < done + batch; copy++)
                {
                    var replacements = ids.ToDictionary(id => id, id => CloneId(id, copy));
                    for (var t = 0; t < tables.Count; t++)
                    {
                        var table = tables[t];
                        foreach (var row in table.Rows)
                        {
                            for (var c = 0; c < table.Columns.Count; c++)
                            {
                                inserts[t].Parameters[c].Value = table.IsCaseNumber(c)
                                    ? (object)(maxNumber + copy + 1)
                                    : row[c] is TemplateText text ? text.Render(replacements) : row[c] ?? DBNull.Value;
                            }
                            inserts[t].ExecuteNonQuery();
                            rows++;
                        }
                    }
                }
            }
            finally
            {
                inserts.ForEach(i => i.Dispose());
            }
            transaction.Commit();
            done += batch;
            if (done % 20_000 < CasesPerTransaction || done == copies)
            {
                progress($"bulk seeding: {done} cases, {rows} rows, {watch.Elapsed.TotalSeconds:0} s");
            }
        }

        using (var bump = connection.CreateCommand())
        {
            // New cases from the API must not reuse the cloned numbers.
            bump.CommandText = "UPDATE \"Sequences\" SET \"Value\" = (SELECT MAX(\"Number\") FROM \"Cases\") WHERE \"Name\" = $name";
            bump.Parameters.AddWithValue("$name", Persistence.Sequence.CaseNumbers);
            bump.ExecuteNonQuery();
            bump.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            bump.ExecuteNonQuery();
        }
        return new Result(done, rows, watch.Elapsed.TotalSeconds, tables.ToDictionary(t => t.Name, t => t.Rows.Count));
    }

    /// <summary>The case and everything keyed by it: its workflow instances, their bookmarks, its tasks.</summary>
    private static List<Guid> RelatedIds(SqliteConnection connection, Guid caseId)
    {
        var ids = new List<Guid> { caseId };
        var caseVariants = Variants(caseId).Select(v => $"'{v}'");
        var instances = Column(connection, $"SELECT \"Id\" FROM \"WorkflowInstances\" WHERE \"CorrelationId\" IN ({string.Join(',', caseVariants)})");
        ids.AddRange(instances.Select(Guid.Parse));
        var quoted = string.Join(',', instances.Select(i => $"'{i}'"));
        if (instances.Count > 0)
        {
            ids.AddRange(Column(connection, $"SELECT \"Id\" FROM \"WorkflowBookmarks\" WHERE \"InstanceId\" IN ({quoted})").Select(Guid.Parse));
            ids.AddRange(Column(connection, $"SELECT \"Id\" FROM \"HumanTasks\" WHERE \"InstanceId\" IN ({quoted})").Select(Guid.Parse));
        }
        return ids;
    }

    private static List<TemplateTable> TemplateRows(SqliteConnection connection, List<Guid> ids)
    {
        var variants = ids.SelectMany(Variants).Select(v => $"'{v}'").ToList();
        var tables = new List<TemplateTable>();
        foreach (var name in Column(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        {
            if (Shared.Contains(name))
            {
                continue;
            }
            var columns = TableColumns(connection, name);
            var textColumns = columns.Where(c => !c.IsRowId).Select(c => $"\"{c.Name}\" IN ({string.Join(',', variants)})").ToList();
            if (textColumns.Count == 0)
            {
                continue;
            }
            var kept = columns.Where(c => !c.IsRowId).Select(c => c.Name).ToList();
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT {string.Join(',', kept.Select(c => $"\"{c}\""))} FROM \"{name}\" WHERE {string.Join(" OR ", textColumns)}";
            var raw = new List<object?[]>();
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    raw.Add([.. Enumerable.Range(0, kept.Count).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
                }
            }
            if (raw.Count == 0)
            {
                continue;
            }
            // A row's own Guid key (e.g. a message or SLA timer id) must be fresh in every clone too.
            var key = columns.FirstOrDefault(c => c.IsPrimaryKey && !c.IsRowId)?.Name;
            if (key is not null)
            {
                foreach (var row in raw)
                {
                    if (row[kept.IndexOf(key)] is string s && Guid.TryParse(s, out var g) && !ids.Contains(g))
                    {
                        ids.Add(g);
                    }
                }
            }
            tables.Add(new TemplateTable(name, kept, raw));
        }
        // Templates are compiled once every id is known (row keys found above are ids too).
        foreach (var table in tables)
        {
            table.Compile(ids);
        }
        return tables;
    }

    private sealed record ColumnInfo(string Name, bool IsPrimaryKey, bool IsRowId);

    private static List<ColumnInfo> TableColumns(SqliteConnection connection, string table)
    {
        using var info = connection.CreateCommand();
        info.CommandText = $"PRAGMA table_info(\"{table}\")";
        using var reader = info.ExecuteReader();
        var columns = new List<ColumnInfo>();
        while (reader.Read())
        {
            var type = reader.GetString(2);
            var pk = reader.GetInt32(5);
            columns.Add(new ColumnInfo(reader.GetString(1), pk > 0, pk == 1 && type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase)));
        }
        // A composite key has no rowid alias.
        return columns.Count(c => c.IsPrimaryKey) > 1 ? [.. columns.Select(c => c with { IsRowId = false })] : columns;
    }

    private sealed class TemplateTable(string name, List<string> columns, List<object?[]> rows)
    {
        public string Name { get; } = name;
        public List<string> Columns { get; } = columns;
        public List<object?[]> Rows { get; } = rows;

        /// <summary>Cases.Number is unique: every clone gets the next free number.</summary>
        public bool IsCaseNumber(int column) => Name == "Cases" && Columns[column] == "Number";

        public void Compile(List<Guid> ids)
        {
            foreach (var row in Rows)
            {
                for (var c = 0; c < row.Length; c++)
                {
                    if (row[c] is string s)
                    {
                        row[c] = TemplateText.Parse(s, ids);
                    }
                }
            }
        }

        public SqliteCommand PrepareInsert(SqliteConnection connection, SqliteTransaction transaction)
        {
            var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{Name}\" ({string.Join(',', Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(',', Columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < Columns.Count; i++)
            {
                insert.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" });
            }
            insert.Prepare();
            return insert;
        }
    }

    /// <summary>A text value cut at every occurrence of a template id, to be rendered with each clone's ids.</summary>
    private sealed class TemplateText
    {
        private readonly List<(string Literal, Guid Id, int Format)> _parts = [];
        private string _tail = "";

        public static object Parse(string value, List<Guid> ids)
        {
            var text = new TemplateText();
            var found = ids.SelectMany(id => Variants(id).Select((v, format) => (Id: id, Format: format, Value: v))).ToList();
            var position = 0;
            while (true)
            {
                var next = found.Select(f => (f, At: value.IndexOf(f.Value, position, StringComparison.Ordinal)))
                    .Where(x => x.At >= 0).OrderBy(x => x.At).FirstOrDefault();
                if (next.f.Value is null)
                {
                    break;
                }
                text._parts.Add((value[position..next.At], next.f.Id, next.f.Format));
                position = next.At + next.f.Value.Length;
            }
            if (text._parts.Count == 0)
            {
                return value; // no id inside: the same value in every clone
            }
            text._tail = value[position..];
            return text;
        }

        public string Render(Dictionary<Guid, Guid> replacements)
        {
            var builder = new StringBuilder();
            foreach (var (literal, id, format) in _parts)
            {
                builder.Append(literal).Append(Variants(replacements[id])[format]);
            }
            return builder.Append(_tail).ToString();
        }
    }

    /// <summary>The spellings a Guid has in the database: EF's upper-case text, and lower-case with and without dashes in JSON and ids.</summary>
    private static string[] Variants(Guid id) =>
        [id.ToString("D").ToUpperInvariant(), id.ToString("D"), id.ToString("N"), id.ToString("N").ToUpperInvariant()];

    /// <summary>A new id per (template id, copy): the template id's first 8 bytes, then the copy number, so clones never collide.</summary>
    public static Guid CloneId(Guid template, int copy)
    {
        Span<byte> bytes = stackalloc byte[16];
        template.TryWriteBytes(bytes);
        BitConverter.TryWriteBytes(bytes[8..], 0xC10E_0000_0000_0000UL | (uint)copy);
        return new Guid(bytes);
    }

    private static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() is long n ? n : 0;
    }
}
