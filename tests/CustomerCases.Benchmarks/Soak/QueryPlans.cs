using Microsoft.Data.Sqlite;

namespace CustomerCases.Benchmarks.Soak;

/// <summary>
/// EXPLAIN QUERY PLAN, on the large database, of the lookups the measured paths make (written here as the SQL EF Core
/// generates for them, same tables, columns and predicates): a line with SCAN on a big table is a lookup that slows
/// down as rows accumulate; SEARCH … USING INDEX is one that does not.
/// </summary>
public static class QueryPlans
{
    private static readonly (string What, string Sql)[] Lookups =
    [
        ("event resume: bookmarks by stimulus hash + correlation (WorkflowRuntime.ResumeAsync)",
            "SELECT * FROM \"WorkflowBookmarks\" AS w WHERE w.\"Hash\" = 'h' AND w.\"CorrelationId\" = 'c' ORDER BY w.\"CreatedAt\""),
        ("event resume without correlation: bookmarks by stimulus hash",
            "SELECT * FROM \"WorkflowBookmarks\" AS w WHERE w.\"Hash\" = 'h' ORDER BY w.\"CreatedAt\""),
        ("task completion: bookmark by id (ResumeBookmarkAsync)", "SELECT * FROM \"WorkflowBookmarks\" AS w WHERE w.\"Id\" = 'b' LIMIT 2"),
        ("resume: instance by id", "SELECT * FROM \"WorkflowInstances\" AS w WHERE w.\"Id\" = 'i' LIMIT 2"),
        ("burned bookmark's timers (ApplyAsync)", "SELECT * FROM \"WorkflowTimers\" AS w WHERE w.\"BookmarkId\" = 'b' AND w.\"FiredAt\" IS NULL"),
        ("queued stimuli for a new bookmark (DeliverQueuedStimuliAsync)",
            "SELECT * FROM \"WorkflowStimulusQueue\" AS w WHERE w.\"Hash\" = 'h' AND w.\"DeliveredAt\" IS NULL AND w.\"ExpiresAt\" > '2026' ORDER BY w.\"CreatedAt\" LIMIT 1"),
        ("task routing: waiting tasks (TaskRouting.WaitingTasksAsync)", "SELECT * FROM \"HumanTasks\" AS h WHERE h.\"Status\" = 'Queued'"),
        ("task routing: open tasks per agent (OpenTaskCountsAsync)",
            "SELECT h.\"AssigneeId\", COUNT(*) FROM \"HumanTasks\" AS h WHERE h.\"Status\" = 'Assigned' AND h.\"AssigneeId\" IS NOT NULL GROUP BY h.\"AssigneeId\""),
        ("Elsa RunTask completion: the bookmark whose id is the task id (Features/Elsa/Stimuli/CompleteTask)",
            "SELECT * FROM \"WorkflowBookmarks\" AS w WHERE w.\"Id\" = 't' AND w.\"Name\" = 'Elsa.RunTask' LIMIT 2"),
        ("intake: customer by e-mail", "SELECT * FROM \"Customers\" AS c WHERE c.\"Email\" = 'e' LIMIT 1"),
        ("intake: triggers by hash (TriggerAsync)", "SELECT * FROM \"WorkflowTriggers\" AS w WHERE w.\"Hash\" = 'h'"),
    ];

    public static IReadOnlyList<(string What, string Plan)> Explain(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var plans = new List<(string, string)>();
        foreach (var (what, sql) in Lookups)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            using var reader = command.ExecuteReader();
            var steps = new List<string>();
            while (reader.Read())
            {
                steps.Add(reader.GetString(3));
            }
            plans.Add((what, string.Join("; ", steps)));
        }
        return plans;
    }

    /// <summary>Row counts of the tables that grow, for the report.</summary>
    public static IReadOnlyDictionary<string, long> Counts(string databasePath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var counts = new Dictionary<string, long>();
        foreach (var table in new[] { "Cases", "CaseHistory", "WorkflowInstances", "WorkflowBookmarks", "WorkflowJournalBatches", "HumanTasks" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)command.ExecuteScalar()!;
        }
        return counts;
    }
}
