using CustomerCases.Workflows.Definitions;

namespace CustomerCases.Workflows.Tests.Support;

/// <summary>Loads workflow JSON fixtures copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Text(string name) => File.ReadAllText(Path(name));

    public static WorkflowDefinition Load(string name) => WorkflowDefinitionReader.ReadFile(Path(name));
}
