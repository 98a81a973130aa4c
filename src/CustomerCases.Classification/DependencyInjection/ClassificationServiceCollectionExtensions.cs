using CustomerCases.Classification;
using CustomerCases.Classification.DependencyInjection;
using CustomerCases.Classification.Models;
using CustomerCases.Classification.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the DI namespace by convention, so `services.AddCustomerCasesClassification()` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the triage classifier.</summary>
public static class ClassificationServiceCollectionExtensions
{
    /// <summary>
    /// Registers options (bound from <see cref="ClassificationOptions.SectionName"/> when <paramref name="configuration"/> is
    /// given), the model repository, the swappable model holder, <c>ICaseClassifier</c>, the retrainer and a hosted service
    /// that loads the active model (or trains the starter model) at start-up.
    /// </summary>
    public static IServiceCollection AddCustomerCasesClassification(
        this IServiceCollection services,
        IConfiguration? configuration = null,
        Action<ClassificationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = services.AddOptions<ClassificationOptions>();
        if (configuration is not null)
        {
            builder.Bind(configuration.GetSection(ClassificationOptions.SectionName));
        }
        if (configure is not null)
        {
            builder.Configure(configure);
        }
        builder.Validate(o =>
        {
            foreach (var t in o.Thresholds.Values)
            {
                t.Validate();
            }
            return o.RetrainTolerance >= 0 && !string.IsNullOrWhiteSpace(o.ModelFolder);
        }, "invalid CustomerCases:Classification options (thresholds, tolerance ≥ 0, model folder)");

        services.TryAddSingleton(sp => new ModelRepository(sp.GetRequiredService<IOptions<ClassificationOptions>>().Value.ModelFolder));
        services.TryAddSingleton<ModelHolder>();
        services.TryAddSingleton<ICaseClassifier>(sp => new CaseClassifier(
            sp.GetRequiredService<ModelHolder>(),
            sp.GetRequiredService<IOptions<ClassificationOptions>>().Value.Thresholds));
        services.TryAddSingleton<ModelRetrainer>();
        services.AddHostedService<ModelBootstrapService>();
        return services;
    }
}
