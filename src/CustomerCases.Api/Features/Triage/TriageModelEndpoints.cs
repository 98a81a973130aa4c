using System.Text.Json;
using CustomerCases.Api.Auth;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Api.Jobs;
using CustomerCases.Api.Triage;
using CustomerCases.Domain.Access;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Triage;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Triage;

/// <summary>Model versions as data: list with metrics, train from an uploaded CSV, activate, roll back, retrain now.</summary>
internal static class TriageModelEndpoints
{
    internal sealed record ModelResponse(string VersionId, DateTimeOffset CreatedAt, string Source, int Rows, bool IsActive, DateTimeOffset? ActivatedAt, JsonElement Report);

    internal sealed record RunResponse(Guid Id, string Trigger, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? CandidateVersion,
        bool Promoted, JsonElement? Decision, string? Error);

    public static RouteGroupBuilder MapTriageModelEndpoints(this RouteGroupBuilder triage)
    {
        var models = triage.MapGroup("/models").RequireRoles(Roles.Manager);
        models.MapGet("/", ListAsync);
        models.MapPost("/", TrainFromUploadAsync).DisableAntiforgery();
        models.MapPost("/{versionId}/activate", ActivateAsync);
        models.MapPost("/rollback", RollbackAsync);
        triage.MapGet("/runs", RunsAsync).RequireRoles(Roles.Manager);
        triage.MapPost("/retrain", RetrainNow).RequireRoles(Roles.Manager);
        return triage;
    }

    private static async Task<IResult> ListAsync(CustomerCasesDbContext db, CancellationToken ct)
    {
        var models = await db.TriageModels.AsNoTracking().OrderByDescending(m => m.CreatedAt)
            .Select(m => new { m.VersionId, m.CreatedAt, m.Source, m.Rows, m.IsActive, m.ActivatedAt, m.ReportJson }).ToListAsync(ct);
        return Results.Ok(models.Select(m => new ModelResponse(m.VersionId, m.CreatedAt, m.Source, m.Rows, m.IsActive, m.ActivatedAt,
            JsonDocument.Parse(m.ReportJson).RootElement)));
    }

    /// <summary>
    /// The CSV (header with a <c>text</c> column and the label columns, see <see cref="UploadedLabelColumns"/>) arrives as
    /// text/csv or as a multipart file.
    /// </summary>
    private static async Task<IResult> TrainFromUploadAsync(HttpRequest request, CustomerCasesDbContext db, IBackgroundJobClient jobs, TimeProvider time,
        CancellationToken ct, string? labelColumns = null)
    {
        string csv;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.FirstOrDefault();
            if (file is null)
            {
                return new Validation().Add("file", "a CSV file is required.").Problem();
            }

            using var reader = new StreamReader(file.OpenReadStream());
            csv = await reader.ReadToEndAsync(ct);
        }
        else
        {
            using var reader = new StreamReader(request.Body);
            csv = await reader.ReadToEndAsync(ct);
        }

        var v = new Validation();
        if (UploadedLabelColumns.Resolve(csv, labelColumns, v) is not { } upload)
        {
            return v.Problem();
        }

        var run = new TriageTrainingRunRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Trigger = "upload",
            StartedAt = time.GetUtcNow(),
            DatasetCsv = upload.Csv,
            LabelColumns = upload.LabelSets,
        };
        db.TriageTrainingRuns.Add(run);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<TrainTriageModelJob>(j => j.TrainUploadedAsync(run.Id, CancellationToken.None));
        return Results.Accepted($"/api/triage/runs/{run.Id}", new { runId = run.Id });
    }

    private static async Task<IResult> ActivateAsync(string versionId, CustomerCasesDbContext db, WriteGate gate, TriageModelStore store,
        TriageModelSync sync, CancellationToken ct)
    {
        using (await gate.EnterAsync(ct))
        {
            if (await store.ActivateAsync(versionId, ct) is null)
            {
                return ApiProblems.NotFound("Model version", versionId);
            }

            await db.SaveChangesAsync(ct);
        }

        await sync.SyncAsync(ct); // this node switches now; the others within the sync interval
        return Results.Ok(new { activeVersion = versionId });
    }

    /// <summary>Back to the version that was active before the current one.</summary>
    private static async Task<IResult> RollbackAsync(CustomerCasesDbContext db, WriteGate gate, TriageModelStore store, TriageModelSync sync, CancellationToken ct)
    {
        var previous = await db.TriageModels.AsNoTracking().Where(m => !m.IsActive && m.ActivatedAt != null)
            .OrderByDescending(m => m.ActivatedAt).Select(m => m.VersionId).FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            return ApiProblems.Conflict("no_previous_model", "Nothing to roll back to", "No model version was active before the current one.");
        }

        return await ActivateAsync(previous, db, gate, store, sync, ct);
    }

    private static async Task<IResult> RunsAsync(CustomerCasesDbContext db, CancellationToken ct)
    {
        var runs = await db.TriageTrainingRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(50)
            .Select(r => new { r.Id, r.Trigger, r.StartedAt, r.FinishedAt, r.CandidateVersion, r.Promoted, r.DecisionJson, r.Error }).ToListAsync(ct);
        return Results.Ok(runs.Select(r => new RunResponse(r.Id, r.Trigger, r.StartedAt, r.FinishedAt, r.CandidateVersion, r.Promoted,
            r.DecisionJson is null ? null : JsonDocument.Parse(r.DecisionJson).RootElement, r.Error)));
    }

    private static IResult RetrainNow(IBackgroundJobClient jobs)
    {
        var id = jobs.Enqueue<TrainTriageModelJob>(j => j.RetrainAsync(null, CancellationToken.None));
        return Results.Accepted(value: new { jobId = id });
    }
}
