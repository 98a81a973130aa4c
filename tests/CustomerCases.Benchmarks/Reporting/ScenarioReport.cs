using System.Globalization;
using System.Text;

namespace CustomerCases.Benchmarks.Reporting;

/// <summary>
/// The result of one of the later scenarios (complete-task, event-resume, engine-durable, soak-growth, cold-start):
/// raw per-repetition rows (named values, so every scenario keeps its own columns), medians with min–max, goal
/// verdicts and free-text notes (seeding, query plans, load average). Rendered as markdown and written as JSON.
/// </summary>
public sealed record ScenarioReport(
    string Scenario,
    RunFacts Facts,
    string Setup,
    IReadOnlyList<IReadOnlyDictionary<string, object?>> Repetitions,
    IReadOnlyList<(string Measure, string Value)> Summary,
    IReadOnlyList<Goal> Goals,
    IReadOnlyList<string> Notes,
    bool Counts,
    string SummaryLine)
{
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {Scenario} — {Facts.StartedUtc:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{Facts.Cores} cores, {Facts.Os}, {Facts.Runtime}, server GC {(Facts.ServerGc ? "on" : "off")}, SQLite {Facts.SqliteVersion} (WAL, synchronous=NORMAL), commit {Facts.GitCommit ?? "?"}.");
        text.AppendLine(Setup);
        text.AppendLine();
        if (Repetitions.Count > 0)
        {
            var columns = Repetitions.SelectMany(r => r.Keys).Distinct().ToArray();
            var raw = new MarkdownTable(columns);
            foreach (var row in Repetitions)
            {
                raw.Add([.. columns.Select(c => row.TryGetValue(c, out var v) ? v : null)]);
            }
            text.Append(raw).AppendLine();
        }

        var summary = new MarkdownTable("measure", "median (min–max)");
        foreach (var (measure, value) in Summary)
        {
            summary.Add(measure, value);
        }
        text.Append(summary).AppendLine();

        if (Goals.Count > 0)
        {
            var goals = new MarkdownTable("goal", "what", "value", "must", "target", "verdict");
            foreach (var goal in Goals)
            {
                goals.Add(goal.Id, goal.What, goal.Value, $"{(goal.HigherIsBetter ? "≥" : "≤")} {N(goal.Must)}", $"{(goal.HigherIsBetter ? "≥" : "≤")} {N(goal.Target)}", goal.Verdict);
            }
            text.Append(goals).AppendLine();
        }

        foreach (var note in Notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }
        text.AppendLine();
        text.AppendLine(Counts
            ? "This run counts toward the goals (full profile, no disturbed repetition)."
            : "This run does NOT count toward the goals (smoke profile, a disturbed or failed repetition, or an abort): read its figures as lower bounds.");
        return text.ToString();
    }

    /// <summary>Prints the markdown, writes the JSON (default <c>artifacts/benchmarks/</c>), then the one-line summary last.</summary>
    public async Task PublishAsync(string? outPath, CancellationToken ct)
    {
        Console.WriteLine(ToMarkdown());
        var path = await ReportFiles.WriteJsonAsync(outPath ?? ReportFiles.DefaultPath(Scenario, Facts.StartedUtc), this, ct);
        Console.WriteLine($"json: {path}");
        Console.WriteLine(SummaryLine);
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
