using CustomerCases.Api.Features.Cases;
using CustomerCases.Api.Jobs;
using CustomerCases.Api.Triage.Training;
using CustomerCases.Classification;
using CustomerCases.Classification.DependencyInjection;
using CustomerCases.Classification.Runtime;
using CustomerCases.Classification.Embeddings;
using CustomerCases.Classification.MiniLM;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Triage;

internal static class TriageServiceCollectionExtensions
{
    /// <summary>
    /// The classifier over a swappable model, kept in sync with the database by <see cref="TriageModelSync"/> (model
    /// versions are database rows, so several nodes share them).
    /// Registered before the workflow host, so triage runs before CaseCreated triggers are evaluated.
    /// </summary>
    public static IServiceCollection AddCustomerCasesTriage(this IServiceCollection services, IConfiguration configuration)
    {
        // Invalid thresholds would make every intake fail (the classifier checks them per decision): refuse to start instead.
        services.AddOptions<ClassificationOptions>().Bind(configuration.GetSection(ClassificationOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClassificationOptions>, ClassificationOptionsValidation>();
        services.AddOptions<TriageOptions>().Bind(configuration.GetSection(TriageOptions.SectionName));
        var triage = configuration.GetSection(TriageOptions.SectionName).Get<TriageOptions>() ?? new TriageOptions();
        services.AddSingleton<ModelHolder>();
        services.AddSingleton(sp => new CaseClassifier(sp.GetRequiredService<ModelHolder>(),
            sp.GetRequiredService<IOptions<ClassificationOptions>>().Value.Thresholds));
        if (string.Equals(triage.Classifier, "Stub", StringComparison.OrdinalIgnoreCase))
        {
            // Performance goal G7's baseline: intake with a classifier that does no work.
            services.AddSingleton<ICaseClassifier>(new NullCaseClassifier());
            services.AddSingleton<ICaseRefiner>(NoRefinement.Instance);
        }
        else
        {
            services.AddSingleton<ICaseClassifier>(sp => sp.GetRequiredService<CaseClassifier>());
            services.AddSingleton<ICaseRefiner>(sp => sp.GetRequiredService<CaseClassifier>());
        }

        if (triage.Refinement.Enabled)
        {
            // Optional: without it (or if it cannot load) models answer with their n-gram stage only.
            services.TryAddSingleton<ISentenceEmbedder>(_ => new MiniLmEmbedder(triage.Refinement.EmbedderThreads));
        }

        services.AddSingleton<TriageRefinementSignal>();
        services.AddSingleton<TriageRefinementWorker>();
        if (triage.Refinement.RunWorker)
        {
            services.AddHostedService(sp => sp.GetRequiredService<TriageRefinementWorker>());
        }
        services.AddSingleton<TriageModelSync>();
        services.AddHostedService(sp => sp.GetRequiredService<TriageModelSync>());
        services.AddScoped<TriageModelStore>();
        services.AddScoped<ICaseIntakeStep, TriageIntakeStep>();
        services.AddScoped<ICaseChangeObserver, TriageLabelObserver>();
        services.AddSingleton<InProcessTrainingRunner>();
        services.AddSingleton<ChildProcessTrainingRunner>();
        services.AddSingleton<ITriageTrainingRunner>(sp => sp.GetRequiredService<IOptions<TriageOptions>>().Value.TrainInChildProcess
            ? sp.GetRequiredService<ChildProcessTrainingRunner>()
            : sp.GetRequiredService<InProcessTrainingRunner>());
        services.AddScoped<TrainTriageModelJob>();
        return services;
    }
}
