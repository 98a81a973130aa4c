using System.Reflection;

namespace CustomerCases.Api.Tests.Studio;

/// <summary>
/// The browser tests need Debian's Chromium and the npm package the Api build installs. Without them the tests skip
/// with a message saying how to get them — except in CI (CI=true), where a missing prerequisite is a failure.
/// </summary>
internal static class StudioPrerequisites
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static string? Missing()
    {
        if (!File.Exists(ChromiumPath))
        {
            return $"Studio browser tests skipped: {ChromiumPath} not found (apt-get install -y chromium; Playwright never downloads browsers here).";
        }

        var folder = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "StudioPackageFolder")?.Value;
        if (folder is null || !File.Exists(Path.Combine(folder, "_framework", "blazor.webassembly.js")))
        {
            return $"Studio browser tests skipped: the npm package @elsa-workflows/elsa-studio-wasm is not installed in {folder} (build the Api with npm on the PATH).";
        }

        return null;
    }

    /// <summary>Skips the calling test, or fails it in CI.</summary>
    public static void Require(string? missing)
    {
        if (missing is null)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI=true: " + missing);
        }

        Assert.Skip(missing);
    }
}
