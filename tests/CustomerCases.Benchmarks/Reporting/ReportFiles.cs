using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCases.Benchmarks.Reporting;

/// <summary>Writes a scenario's machine-readable result. Default location: <c>artifacts/benchmarks/</c> at the repository root (git-ignored).</summary>
public static class ReportFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, // NaN where a side was not measured
    };

    public static string DefaultPath(string scenario, DateTimeOffset startedUtc) =>
        Path.Combine(RepositoryRoot() ?? Path.GetTempPath(), "artifacts", "benchmarks",
            $"{scenario}-{startedUtc:yyyyMMdd-HHmmss}.json");

    public static async Task<string> WriteJsonAsync<T>(string path, T report, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, report, Json, ct);
        return Path.GetFullPath(path);
    }

    /// <summary>The nearest folder above the working directory (or this assembly) holding the solution file.</summary>
    private static string? RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CustomerCases.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }
}
