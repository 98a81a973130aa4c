using CustomerCases.Api.Features.Cases;
using CustomerCases.Api.Jobs;
using CustomerCases.Classification;
using CustomerCases.Classification.DependencyInjection;
using CustomerCases.Classification.Runtime;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Triage;

internal static class TriageServiceCollectionExtensions
{
    /// <summary>
    /// The classifier over a swappable model, kept in sync with the database by <see cref="TriageModelSync"/> (instead
    /// of the Classification project's file-based bootstrap, so that several nodes share model versions).
    /// Registered before the workflow host, so triage runs before CaseCreated triggers are evaluated.
    /// </summary>
    public static IServiceCollection AddCustomerCasesTriage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClassificationOptions>().Bind(configuration.GetSection(ClassificationOptions.SectionName));
        services.AddOptions<TriageOptions>().Bind(configuration.GetSection(TriageOptions.SectionName));
        services.AddSingleton<ModelHolder>();
        services.AddSingleton<ICaseClassifier>(sp => new CaseClassifier(sp.GetRequiredService<ModelHolder>(),
            sp.GetRequiredService<IOptions<ClassificationOptions>>().Value.Thresholds));
        services.AddSingleton<TriageModelSync>();
        services.AddHostedService(sp => sp.GetRequiredService<TriageModelSync>());
        services.AddScoped<TriageModelStore>();
        services.AddScoped<ICaseIntakeStep, TriageIntakeStep>();
        services.AddScoped<ICaseChangeObserver, TriageLabelObserver>();
        services.AddScoped<TrainTriageModelJob>();
        return services;
    }
}
