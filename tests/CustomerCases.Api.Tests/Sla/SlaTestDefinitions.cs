namespace CustomerCases.Api.Tests.Sla;

/// <summary>The calendars and policies the SLA API tests run with, written to a folder of their own.</summary>
internal static class SlaTestDefinitions
{
    /// <summary>The shape the issue requires to be accepted, verbatim.</summary>
    public const string UrgentFast =
        """{"id":"urgent-fast","order":0,"condition":"case.priority == 'Urgent'","calendar":"24x7","targets":{"firstResponse":"PT10S","resolution":"PT8H"},"warnAt":[0.5]}""";

    public const string HighFast =
        """{"id":"high-fast","order":5,"condition":"case.priority == 'High'","calendar":"24x7","targets":{"firstResponse":"PT10S","nextReply":"PT1M","resolution":"PT1H"},"warnAt":[0.5]}""";

    public const string OfficeStandard =
        """{"id":"office-standard","order":100,"condition":"true","calendar":"office","targets":{"firstResponse":"PT2H","resolution":"P2D"},"warnAt":[0.75]}""";

    public const string Office =
        """{"id":"office","timeZone":"Europe/Berlin","weekly":{"monday":[{"from":"09:00","to":"17:00"}],"tuesday":[{"from":"09:00","to":"17:00"}],"wednesday":[{"from":"09:00","to":"17:00"}],"thursday":[{"from":"09:00","to":"17:00"}],"friday":[{"from":"09:00","to":"17:00"}]},"holidays":[{"date":"2026-12-25","name":"Christmas Day"}]}""";

    public static string WriteFolder(params (string Path, string Json)[] files)
    {
        var folder = Directory.CreateTempSubdirectory("cc-sla-").FullName;
        foreach (var (path, json) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, json);
        }

        return folder;
    }

    public static string Standard() => WriteFolder(
        ("calendars/office.json", Office),
        ("policies/urgent-fast.json", UrgentFast),
        ("policies/high-fast.json", HighFast),
        ("policies/office-standard.json", OfficeStandard));
}
