using CustomerCases.Classification.Models;
using CustomerCases.Classification.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCases.Classification.DependencyInjection;

/// <summary>
/// Loads the active model at start-up in the background (so start-up is not delayed, goal G10); when there is none,
/// trains the starter model, saves and activates it. Until then the classifier answers NeedsHuman.
/// </summary>
internal sealed partial class ModelBootstrapService(
    ModelRepository repository,
    ModelHolder holder,
    IOptions<ClassificationOptions> options,
    ILogger<ModelBootstrapService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => Bootstrap(stoppingToken), stoppingToken);

    private void Bootstrap(CancellationToken stoppingToken)
    {
        try
        {
            var active = repository.LoadActive();
            if (active is not null)
            {
                holder.Swap(active);
                LogLoaded(active.VersionId);
                return;
            }
            if (!options.Value.TrainStarterModelWhenEmpty || stoppingToken.IsCancellationRequested)
            {
                return;
            }
            var trained = StarterModel.Train();
            repository.Save(trained);
            repository.Activate(trained.VersionId);
            holder.Swap(LoadedModel.FromTrained(trained));
            LogStarter(trained.VersionId, trained.Report.TotalSeconds);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
        {
            // Intake must keep working without a model: it routes everything to humans.
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "classification model {VersionId} loaded")]
    private partial void LogLoaded(string versionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "no active classification model: starter model {VersionId} trained in {Seconds:F1} s and activated")]
    private partial void LogStarter(string versionId, double seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "classification model could not be loaded; every case goes to a human")]
    private partial void LogFailed(Exception exception);
}
