using System.Security.Claims;
using System.Text.Json;
using CustomerCases.Api.Auth;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Api.Sla;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Sla;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Sla;

/// <summary>
/// PUT/GET /api/sla/calendars/{id} and /api/sla/policies/{id}, and their lists. A PUT validates the definition together
/// with the current set and answers 400 with every error; a valid change becomes the next version, and open targets
/// are recomputed in the background (a repair from each case's history).
/// </summary>
internal static class SlaDefinitionEndpoints
{
    internal sealed record DefinitionResponse(string Kind, string Id, int Version, string Source, DateTimeOffset CreatedAt, JsonElement Definition,
        IReadOnlyList<int>? Versions = null);

    public static async Task<IResult> PutAsync(string kind, string id, JsonElement body, ClaimsPrincipal user, CustomerCasesDbContext db,
        SlaDefinitionStore store, SlaCatalog catalog, WriteGate gate, IBackgroundJobClient jobs, CancellationToken ct)
    {
        using var writer = await gate.EnterAsync(ct);
        var outcome = await store.SaveAsync(kind, id, body, "api:" + user.KeyId(), ct);
        if (outcome.Errors.Count > 0)
        {
            var v = new Validation();
            foreach (var error in outcome.Errors)
            {
                // "targets.resolution: …" → field targets.resolution; cross-definition errors keep their "policy 'x'" prefix as the field.
                var colon = error.IndexOf(": ", StringComparison.Ordinal);
                v.Add(colon > 0 ? error[..colon] : kind, colon > 0 ? error[(colon + 2)..] : error);
            }

            return v.Problem();
        }

        if (outcome.Created)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation())
            {
                // Another node (PostgreSQL has no write gate) stored the same version number first.
                db.ChangeTracker.Clear();
                return await LostRaceAsync(kind, id, outcome.Record!, db, ct);
            }

            await catalog.ReloadAsync(db, ct);
            jobs.Enqueue<SlaRecomputeJob>(j => j.RunAsync(CancellationToken.None));
        }

        var record = outcome.Record!;
        var response = ToResponse(record);
        return outcome.Created ? Results.Created($"/api/sla/{Plural(kind)}/{id}", response) : Results.Ok(response);
    }

    /// <summary>
    /// The same definition won the race (a retried or duplicated PUT): that version is the answer. A different one won:
    /// 409, nothing of ours was stored, and the client decides after reading the new version.
    /// </summary>
    private static async Task<IResult> LostRaceAsync(string kind, string id, SlaDefinitionRecord ours, CustomerCasesDbContext db, CancellationToken ct)
    {
        var winner = await db.SlaDefinitions.AsNoTracking().Where(d => d.Kind == kind && d.Id == id).OrderByDescending(d => d.Version).FirstAsync(ct);
        return winner.Json == ours.Json
            ? Results.Ok(ToResponse(winner))
            : ApiProblems.Conflict("concurrent_update", "Concurrent update",
                $"{kind} '{id}' was changed at the same time (now version {winner.Version}); read it again and retry.");
    }

    public static async Task<IResult> GetAsync(string kind, string id, int? version, CustomerCasesDbContext db, CancellationToken ct)
    {
        var rows = await db.SlaDefinitions.AsNoTracking().Where(d => d.Kind == kind && d.Id == id).OrderBy(d => d.Version).ToListAsync(ct);
        var row = version is { } v ? rows.FirstOrDefault(r => r.Version == v) : rows.LastOrDefault();
        return row is null ? ApiProblems.NotFound(kind, version is null ? id : $"{id} v{version}") : Results.Ok(ToResponse(row) with { Versions = rows.Select(r => r.Version).ToList() });
    }

    public static async Task<IResult> ListAsync(string kind, CustomerCasesDbContext db, CancellationToken ct)
    {
        var rows = await db.SlaDefinitions.AsNoTracking().Where(d => d.Kind == kind).ToListAsync(ct);
        var latest = rows.GroupBy(r => r.Id).Select(g => g.MaxBy(r => r.Version)!).OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => ToResponse(r)).ToList();
        return Results.Ok(latest);
    }

    private static DefinitionResponse ToResponse(SlaDefinitionRecord r)
    {
        using var doc = JsonDocument.Parse(r.Json);
        return new DefinitionResponse(r.Kind, r.Id, r.Version, r.Source, r.CreatedAt, doc.RootElement.Clone());
    }

    internal static string Plural(string kind) => kind == SlaDefinitionRecord.CalendarKind ? "calendars" : "policies";
}
