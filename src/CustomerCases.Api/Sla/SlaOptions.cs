namespace CustomerCases.Api.Sla;

internal sealed class SlaOptions
{
    public const string SectionName = "Sla";

    /// <summary>Folder with calendars/*.json and policies/*.json (default: workflows/sla beside the binaries).</summary>
    public string? DefinitionsFolder { get; set; }

    /// <summary>Compute SLA targets on case changes; off only to measure intake without SLAs (performance goal G6).</summary>
    public bool Enabled { get; set; } = true;
}
