using CustomerCases.Classification.DependencyInjection;
using CustomerCases.Classification.Models;
using CustomerCases.Classification.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace CustomerCases.Classification.Tests;

public sealed class ServiceRegistrationTests(SyntheticModelFixture fixture) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cc-di-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Options_bind_from_the_configuration_section_and_services_resolve()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CustomerCases:Classification:ModelFolder"] = _folder,
            ["CustomerCases:Classification:RetrainTolerance"] = "0.02",
            ["CustomerCases:Classification:Thresholds:category:AutoApply"] = "0.8",
            ["CustomerCases:Classification:Thresholds:category:Suggest"] = "0.4",
            ["CustomerCases:Classification:Candidates:0"] = "OneVersusAllAveragedPerceptron",
        }).Build();
        var services = new ServiceCollection().AddLogging();

        services.AddCustomerCasesClassification(configuration);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ClassificationOptions>>().Value;
        Assert.Equal(0.02, options.RetrainTolerance);
        Assert.Equal(new DecisionThresholds { AutoApply = 0.8, Suggest = 0.4 }, options.Thresholds["category"]);
        Assert.Equal([Training.TriageTrainerKind.OneVersusAllAveragedPerceptron], options.Candidates);
        Assert.Equal(Path.GetFullPath(_folder), provider.GetRequiredService<ModelRepository>().Folder);
        Assert.IsType<CaseClassifier>(provider.GetRequiredService<ICaseClassifier>());
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is ModelBootstrapService);
    }

    [Fact]
    public void Configured_thresholds_override_the_manifest_in_the_registered_classifier()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCustomerCasesClassification(configure: o =>
        {
            o.ModelFolder = _folder;
            o.Thresholds["category"] = new DecisionThresholds { AutoApply = 1.0, Suggest = 0.0 };
        });
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<ModelHolder>().Swap(fixture.Model);

        var prediction = provider.GetRequiredService<ICaseClassifier>().Classify("parcel has not arrived").For("category");

        Assert.Equal("delivery", prediction.Label);
        Assert.Equal(TriageDecision.Suggest, prediction.Decision);
    }

    [Fact]
    public async Task Bootstrap_loads_the_active_model_from_the_repository()
    {
        var repository = new ModelRepository(_folder);
        repository.Activate(repository.Save(fixture.Trained).VersionId);
        var services = new ServiceCollection().AddLogging();
        services.AddCustomerCasesClassification(configure: o => o.ModelFolder = _folder);
        using var provider = services.BuildServiceProvider();
        var bootstrap = provider.GetServices<IHostedService>().OfType<ModelBootstrapService>().Single();

        await bootstrap.StartAsync(CancellationToken.None);
        await (bootstrap.ExecuteTask ?? Task.CompletedTask);

        Assert.Equal(fixture.Trained.VersionId, provider.GetRequiredService<ModelHolder>().Current?.VersionId);
    }

    [Fact]
    public void Invalid_thresholds_in_options_are_rejected_at_resolution()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCustomerCasesClassification(configure: o => o.Thresholds["priority"] = new DecisionThresholds { AutoApply = 0.3, Suggest = 0.6 });
        using var provider = services.BuildServiceProvider();

        Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IOptions<ClassificationOptions>>().Value);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
