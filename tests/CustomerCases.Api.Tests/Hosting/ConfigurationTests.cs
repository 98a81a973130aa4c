using CustomerCases.Api.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Tests.Hosting;

public class ConfigurationTests
{
    [Fact]
    public async Task RootAppSettings_IsLoadedAndOverriddenByHostSettings()
    {
        await using var database = TestDatabase.Sqlite();
        await using var app = new CustomerCasesApp(database, new Dictionary<string, string?> { ["Jobs:WorkerCount"] = "7" });
        var configuration = app.Services.GetRequiredService<IConfiguration>();

        Assert.Equal("Sqlite", configuration["Database:Provider"]);
        Assert.Equal("7", configuration["Jobs:WorkerCount"]);
        Assert.NotNull(configuration["Api:MaxRequestBodyBytes"]); // only the root appsettings.json sets it
    }

    [Fact]
    public async Task NoConfigurationFileIsWatched_SoDatabaseWritesUnderTheContentRootRaiseNoFileEvents()
    {
        await using var database = TestDatabase.Sqlite();
        await using var app = new CustomerCasesApp(database);
        var configuration = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();

        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.Contains(files, f => f.Source.Path == "appsettings.json"); // the content root's file is read...
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched")); // ...once
    }

    [Fact]
    public async Task InvalidTriageThresholds_TheServiceRefusesToStart_NamingTheSetting()
    {
        await using var database = TestDatabase.Sqlite();
        await using var app = new CustomerCasesApp(database, new Dictionary<string, string?>
        {
            // auto-apply below suggest: every intake decision would throw
            ["CustomerCases:Classification:Thresholds:category:AutoApply"] = "0.3",
            ["CustomerCases:Classification:Thresholds:category:Suggest"] = "0.8",
        });

        var error = Assert.Throws<OptionsValidationException>(() => app.Server);

        Assert.Contains("CustomerCases:Classification", error.Message, StringComparison.Ordinal);
        Assert.Contains("auto-apply threshold 0.3 must be ≥ suggest threshold 0.8", error.Message, StringComparison.Ordinal);
    }
}
