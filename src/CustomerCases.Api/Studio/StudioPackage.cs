using System.Reflection;
using System.Text.Json.Nodes;

namespace CustomerCases.Api.Studio;

/// <summary>
/// Where the installed npm package <c>@elsa-workflows/elsa-studio-wasm</c> is: <c>Studio:PackageFolder</c>, else the
/// folder the build installed it into (baked into the assembly by the csproj). Installed means its Blazor loader is there.
/// </summary>
internal sealed class StudioPackage
{
    public const string NpmName = "@elsa-workflows/elsa-studio-wasm";
    private const string BuildMetadataKey = "StudioPackageFolder";

    private StudioPackage(string folder, string? version)
    {
        Folder = folder;
        Version = version;
    }

    /// <summary>The package's root folder (full path, with a trailing separator).</summary>
    public string Folder { get; }

    /// <summary>The installed version, or null when the package is not installed.</summary>
    public string? Version { get; }

    public bool IsInstalled => Version is not null;

    public static StudioPackage Locate(IConfiguration configuration)
    {
        var configured = configuration["Studio:PackageFolder"];
        var folder = string.IsNullOrWhiteSpace(configured)
            ? typeof(StudioPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == BuildMetadataKey)?.Value ?? ""
            : configured;
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(string.IsNullOrWhiteSpace(folder) ? "." : folder)) + Path.DirectorySeparatorChar;
        return new StudioPackage(full, ReadVersion(full));
    }

    private static string? ReadVersion(string folder)
    {
        var manifest = Path.Combine(folder, "package.json");
        if (!File.Exists(Path.Combine(folder, "_framework", "blazor.webassembly.js")) || !File.Exists(manifest))
        {
            return null;
        }

        return JsonNode.Parse(File.ReadAllText(manifest))?["version"]?.GetValue<string>() ?? "unknown";
    }

    /// <summary>The file for a request path inside the package, or null (missing, or outside the package folder).</summary>
    public FileInfo? Find(string relativePath)
    {
        if (!IsInstalled || relativePath.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(Folder, relativePath));
        if (!full.StartsWith(Folder, StringComparison.Ordinal))
        {
            return null;
        }

        var file = new FileInfo(full);
        return file.Exists ? file : null;
    }
}
