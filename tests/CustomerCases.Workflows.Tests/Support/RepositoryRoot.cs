namespace CustomerCases.Workflows.Tests.Support;

/// <summary>Finds the repository root (the folder holding CustomerCases.sln) from the test output folder.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerCases.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("CustomerCases.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Workflows => Path.Combine(Find(), "workflows");
}
