namespace CustomerCases.Persistence.Migrations;

/// <summary>
/// Carries SLA timer rows over to the targets' alarms when the <c>SlaTimers</c> table goes (migration
/// <c>SlaAlarmsOnTargets</c>, both providers): what fired becomes the target's <c>FiredFraction</c>, and the lowest
/// unfired threshold its alarm. Plain SQL valid on SQLite and PostgreSQL (quoted identifiers, correlated subqueries).
/// </summary>
internal static class SlaAlarmsDataMigration
{
    private const string SameTarget =
        "\"t\".\"CaseId\" = \"SlaTargets\".\"CaseId\" AND \"t\".\"Metric\" = \"SlaTargets\".\"Metric\" AND \"t\".\"Cycle\" = \"SlaTargets\".\"Cycle\"";

    public const string Sql =
        "UPDATE \"SlaTargets\" SET " +
        "\"FiredFraction\" = COALESCE((SELECT MAX(\"t\".\"Fraction\") FROM \"SlaTimers\" AS \"t\" WHERE " + SameTarget + " AND \"t\".\"FiredAt\" IS NOT NULL), 0), " +
        "\"LastFiredAt\" = (SELECT MAX(\"t\".\"FiredAt\") FROM \"SlaTimers\" AS \"t\" WHERE " + SameTarget + "), " +
        "\"AlarmFraction\" = (SELECT MIN(\"t\".\"Fraction\") FROM \"SlaTimers\" AS \"t\" WHERE " + SameTarget + " AND \"t\".\"FiredAt\" IS NULL), " +
        "\"AlarmAt\" = (SELECT \"t\".\"DueAt\" FROM \"SlaTimers\" AS \"t\" WHERE " + SameTarget + " AND \"t\".\"FiredAt\" IS NULL ORDER BY \"t\".\"Fraction\" LIMIT 1);";
}
