namespace CustomerCases.Api.Workflows;

internal sealed class WorkflowHostOptions
{
    public const string SectionName = "Workflows";

    /// <summary>Folder whose *.json files are imported and published at start (default: workflows/ beside the binaries).</summary>
    public string? DefinitionsFolder { get; set; }

    /// <summary>Hosts SendHttpRequest may call; empty means none.</summary>
    public List<string> AllowedHttpHosts { get; set; } = [];
}
