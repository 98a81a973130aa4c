namespace CustomerCases.Api.Sla;

internal sealed class SlaOptions
{
    public const string SectionName = "Sla";

    /// <summary>Folder with calendars/*.json and policies/*.json (default: workflows/sla beside the binaries).</summary>
    public string? DefinitionsFolder { get; set; }

    /// <summary>Compute SLA targets on case changes; off only to measure intake without SLAs (performance goal G6).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Timers due within this horizon get a Hangfire wake-up as soon as they are written; later ones are left to the
    /// minutely sweeper, which schedules them when they come within reach. Most SLA instants are hours away, so intake
    /// creates no Hangfire jobs for them (performance goal G6: a Hangfire job per case would cap intake).
    /// </summary>
    public TimeSpan WakeUpHorizon { get; set; } = TimeSpan.FromMinutes(2);
}
