namespace CustomerCases.Classification.Tests;

/// <summary>Finds the repository root (the folder holding CustomerCases.sln) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerCases.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>A shared data set folder: `../shared/data/&lt;name&gt;` beside the repository.</summary>
    public static string? SharedData(string name) =>
        Find() is { } root ? Path.GetFullPath(Path.Combine(root, "..", "shared", "data", name)) : null;
}
