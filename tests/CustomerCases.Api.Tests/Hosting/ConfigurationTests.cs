using CustomerCases.Api.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
}
