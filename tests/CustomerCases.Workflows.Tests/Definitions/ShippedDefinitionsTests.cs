using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Tests.Support;
using Xunit;

namespace CustomerCases.Workflows.Tests.Definitions;

public sealed class ShippedDefinitionsTests
{
    public static TheoryData<string> ShippedFiles() =>
        new(Directory.GetFiles(RepositoryRoot.Workflows, "*.json").Select(Path.GetFileName).OfType<string>().Order());

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Validate_ShippedDefinition_HasNoErrorsOrWarnings(string file)
    {
        var definition = WorkflowDefinitionReader.ReadFile(Path.Combine(RepositoryRoot.Workflows, file));

        var report = new TestEngine().Validator.Validate(definition);

        Assert.Empty(report.Issues);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), definition.DefinitionId);
        Assert.All(definition.AllActivities(), a => Assert.True(a.Json.GetProperty("metadata").GetProperty("designer").TryGetProperty("position", out _)));
    }

    [Fact]
    public void ShippedFiles_IncludeTheCaseWorkflows()
    {
        var files = ShippedFiles().Select(row => row.Data).ToList();

        Assert.Contains("general-inquiry.json", files);
        Assert.Contains("complaint.json", files);
    }
}
