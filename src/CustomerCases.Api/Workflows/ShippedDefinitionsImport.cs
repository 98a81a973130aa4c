using CustomerCases.Persistence;

namespace CustomerCases.Api.Workflows;

/// <summary>
/// At start, every workflows/*.json is imported and published. Unchanged content creates no version; a file that
/// fails validation is logged with every error and left unpublished, and the service still starts.
/// </summary>
internal static partial class ShippedDefinitionsImport
{
    public static async Task ImportShippedWorkflowsAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<WorkflowHostOptions>();
        var folder = options.DefinitionsFolder ?? Path.Combine(AppContext.BaseDirectory, "workflows");
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("CustomerCases.Workflows.Import");
        if (!Directory.Exists(folder))
        {
            LogNoFolder(logger, folder);
            return;
        }

        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
            var store = scope.ServiceProvider.GetRequiredService<WorkflowDefinitionStore>();
            using var writer = await scope.ServiceProvider.GetRequiredService<WriteGate>().EnterAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var outcome = await store.SaveAsync(await File.ReadAllTextAsync(file, ct), "file:" + Path.GetFileName(file), publish: true, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                if (!outcome.Report.IsValid)
                {
                    LogInvalid(logger, Path.GetFileName(file), string.Join("; ", outcome.Report.Errors));
                }
                else
                {
                    LogImported(logger, Path.GetFileName(file), outcome.Record.DefinitionId, outcome.Record.Version, outcome.Created);
                }
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or CustomerCases.Workflows.Definitions.WorkflowDefinitionFormatException)
            {
                LogUnreadable(logger, Path.GetFileName(file), ex.Message);
            }
        }
    }

    [LoggerMessage(EventId = 3110, Level = LogLevel.Information, Message = "Workflow file {File}: definition {DefinitionId} v{Version} published (new version: {Created})")]
    private static partial void LogImported(ILogger logger, string file, string definitionId, int version, bool created);

    [LoggerMessage(EventId = 3111, Level = LogLevel.Error, Message = "Workflow file {File} is not valid and was not published: {Errors}")]
    private static partial void LogInvalid(ILogger logger, string file, string errors);

    [LoggerMessage(EventId = 3112, Level = LogLevel.Error, Message = "Workflow file {File} could not be read: {Error}")]
    private static partial void LogUnreadable(ILogger logger, string file, string error);

    [LoggerMessage(EventId = 3113, Level = LogLevel.Warning, Message = "No workflow folder at {Folder}: no shipped workflows imported")]
    private static partial void LogNoFolder(ILogger logger, string folder);
}
