using System.Text.Json;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Sla;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Sla;

/// <summary>
/// At start: reads every calendar and policy file, validates them all together and refuses to start with the full
/// list of errors; imports changed files as new versions (unless an admin has since changed that definition through
/// the API — the API version wins and the file is reported); loads the catalog; wakes every unfired SLA timer.
/// </summary>
internal sealed partial class SlaStartup(IServiceProvider services, SlaOptions options, TimeProvider time, ILogger<SlaStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = options.DefinitionsFolder ?? Path.Combine(AppContext.BaseDirectory, "workflows", "sla");
        var files = ReadFiles(folder);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<SlaCatalog>();
        var errors = Validate(files, catalog.Conditions);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"SLA definitions in {folder} are invalid ({errors.Count} error(s)):{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", errors));
        }

        using (await scope.ServiceProvider.GetRequiredService<WriteGate>().EnterAsync(cancellationToken))
        {
            var stored = await db.SlaDefinitions.AsNoTracking().ToListAsync(cancellationToken);
            foreach (var file in files)
            {
                var latest = stored.Where(d => d.Kind == file.Kind && d.Id == file.Id).MaxBy(d => d.Version);
                if (latest is not null && (latest.Json == file.Json || !latest.Source.StartsWith("file:", StringComparison.Ordinal)))
                {
                    if (latest.Json != file.Json)
                    {
                        LogOverridden(logger, file.Path, latest.Version, latest.Source);
                    }

                    continue;
                }

                db.SlaDefinitions.Add(new SlaDefinitionRecord
                {
                    Kind = file.Kind, Id = file.Id, Version = (latest?.Version ?? 0) + 1, Json = file.Json,
                    Source = "file:" + Path.GetRelativePath(folder, file.Path), CreatedAt = time.GetUtcNow(),
                });
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                // another node imported the same files at the same moment
            }
        }

        await catalog.ReloadAsync(db, cancellationToken);
        LogLoaded(logger, catalog.Current.Calendars.Count, catalog.Current.Policies.Count, folder);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal sealed record DefinitionFile(string Kind, string Id, string Path, string Json, JsonElement Element);

    private static List<DefinitionFile> ReadFiles(string folder)
    {
        var files = new List<DefinitionFile>();
        foreach (var (sub, kind) in new[] { ("calendars", SlaDefinitionRecord.CalendarKind), ("policies", SlaDefinitionRecord.PolicyKind) })
        {
            var dir = Path.Combine(folder, sub);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var path in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(path);
                JsonElement element;
                try
                {
                    element = JsonDocument.Parse(text).RootElement.Clone();
                }
                catch (JsonException ex)
                {
                    element = JsonSerializer.SerializeToElement(new { __invalid = ex.Message });
                }

                files.Add(new DefinitionFile(kind, Path.GetFileNameWithoutExtension(path), path, element.GetRawText(), element));
            }
        }

        return files;
    }

    /// <summary>Every error of every file, then of the set as a whole, prefixed with the file it concerns.</summary>
    internal static List<string> Validate(IReadOnlyList<DefinitionFile> files, SlaConditions conditions)
    {
        var errors = new List<string>();
        var calendars = new List<Domain.Sla.BusinessCalendar>();
        var policies = new List<Domain.Sla.SlaPolicy>();
        foreach (var file in files)
        {
            var fileErrors = new List<string>();
            if (file.Element.TryGetProperty("__invalid", out var invalid))
            {
                fileErrors.Add("is not valid JSON: " + invalid.GetString());
            }
            else
            {
                if (file.Element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() != file.Id)
                {
                    fileErrors.Add($"id: '{id.GetString()}' must equal the file name '{file.Id}'.");
                }

                if (file.Kind == SlaDefinitionRecord.CalendarKind)
                {
                    if (SlaDefinitionReader.ReadCalendar(file.Element, 1, fileErrors) is { } c) calendars.Add(c);
                }
                else if (SlaDefinitionReader.ReadPolicy(file.Element, 1, fileErrors) is { } p)
                {
                    policies.Add(p);
                }
            }

            errors.AddRange(fileErrors.Select(e => $"{Path.GetFileName(Path.GetDirectoryName(file.Path))}/{Path.GetFileName(file.Path)}: {e}"));
        }

        errors.AddRange(new SlaDefinitionSet(calendars, policies).Validate(conditions));
        return errors;
    }

    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "SLA: {Calendars} calendar(s) and {Policies} polic(ies) current (files in {Folder})")]
    private static partial void LogLoaded(ILogger logger, int calendars, int policies, string folder);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "SLA file {File} differs from v{Version}, which was changed through {Source}; the stored version stays current")]
    private static partial void LogOverridden(ILogger logger, string file, int version, string source);
}
