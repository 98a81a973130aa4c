namespace CustomerCases.Persistence.Migrations;

/// <summary>
/// Carries the old one-row-per-entry journal (<c>WorkflowJournal</c>) into <c>WorkflowJournalBatches</c> (migration
/// <c>JournalBatches</c>): one batch per instance, in the entry format of <see cref="Workflows.JournalBatchCodec"/>.
/// SQLite keeps timestamps as UTC ticks, which the codec reads as a number; PostgreSQL writes ISO 8601 text. Down does
/// not carry batches back (the old table comes back empty).
/// </summary>
internal static class JournalBatchesDataMigration
{
    public const string Sqlite =
        "INSERT INTO \"WorkflowJournalBatches\" (\"InstanceId\", \"EntryCount\", \"EntriesJson\") " +
        "SELECT \"InstanceId\", COUNT(*), json_group_array(json(\"Entry\")) FROM (" +
        "SELECT \"InstanceId\", json_object('seq', \"Sequence\", 'aiid', \"ActivityInstanceId\", 'aid', \"ActivityId\", 'type', \"ActivityType\", " +
        "'node', \"ActivityNodeId\", 'event', \"EventName\", 'at', \"Timestamp\", 'msg', \"Message\", 'payload', json(\"PayloadJson\")) AS \"Entry\" " +
        "FROM \"WorkflowJournal\" ORDER BY \"InstanceId\", \"Sequence\", \"Id\") GROUP BY \"InstanceId\";";

    public const string PostgreSql =
        "INSERT INTO \"WorkflowJournalBatches\" (\"InstanceId\", \"EntryCount\", \"EntriesJson\") " +
        "SELECT \"InstanceId\", COUNT(*), json_agg(json_build_object('seq', \"Sequence\", 'aiid', \"ActivityInstanceId\", 'aid', \"ActivityId\", " +
        "'type', \"ActivityType\", 'node', \"ActivityNodeId\", 'event', \"EventName\", 'at', \"Timestamp\", 'msg', \"Message\", " +
        "'payload', \"PayloadJson\"::json) ORDER BY \"Sequence\", \"Id\")::text FROM \"WorkflowJournal\" GROUP BY \"InstanceId\";";
}
