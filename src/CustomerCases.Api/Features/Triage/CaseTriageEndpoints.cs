using System.Security.Claims;
using System.Text.Json;
using CustomerCases.Api.Auth;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Api.Triage;
using CustomerCases.Domain.Access;
using CustomerCases.Domain.Cases;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Triage;

/// <summary>What the model said about a case, and the agent's confirmation (which, like a correction, becomes a label).</summary>
internal static class CaseTriageEndpoints
{
    internal sealed record Prediction(string? Label, double Confidence, string Decision, JsonElement Top);

    internal sealed record TriageResponse(Guid CaseId, string? ModelVersion, Prediction Category, Prediction Priority, DateTimeOffset CreatedAt);

    internal sealed record ConfirmRequest(string? Category, string? Priority);

    public static RouteGroupBuilder MapCaseTriageEndpoints(this RouteGroupBuilder cases)
    {
        cases.MapGet("/{id:guid}/triage", GetAsync).RequireRoles(Roles.Agent, Roles.Manager);
        cases.MapPost("/{id:guid}/triage/confirm", ConfirmAsync).RequireRoles(Roles.Agent, Roles.Manager);
        return cases;
    }

    private static async Task<IResult> GetAsync(Guid id, CustomerCasesDbContext db, CancellationToken ct)
    {
        var t = await db.CaseTriage.AsNoTracking().SingleOrDefaultAsync(x => x.CaseId == id, ct);
        return t is null
            ? ApiProblems.NotFound("Case triage", id)
            : Results.Ok(new TriageResponse(t.CaseId, t.ModelVersion,
                new Prediction(t.Category, t.CategoryConfidence, t.CategoryDecision, JsonDocument.Parse(t.CategoryTopJson).RootElement),
                new Prediction(t.Priority, t.PriorityConfidence, t.PriorityDecision, JsonDocument.Parse(t.PriorityTopJson).RootElement),
                t.CreatedAt));
    }

    /// <summary>Sets (or confirms) category and priority; each given value is a training label, even when unchanged.</summary>
    private static async Task<IResult> ConfirmAsync(Guid id, ConfirmRequest request, ClaimsPrincipal user, CustomerCasesDbContext db, WriteGate gate,
        TimeProvider time, CancellationToken ct)
    {
        var v = new Validation();
        if (request.Category is null && request.Priority is null)
        {
            v.Add("category", "give a category, a priority or both.");
        }

        v.MaxLength("category", request.Category, 100);
        var priority = v.Enum<CasePriority>("priority", request.Priority);
        if (!v.IsValid)
        {
            return v.Problem();
        }

        using var writer = await gate.EnterAsync(ct);
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return ApiProblems.NotFound("Case", id);
        }

        var actor = user.ToActor();
        var now = time.GetUtcNow();
        if (request.Category is not null)
        {
            @case.Categorise(request.Category, actor, now, "triage confirmed");
        }

        if (priority is { } p)
        {
            @case.ChangePriority(p, actor, now, "triage confirmed");
        }

        TriageLabelObserver.Record(db, time, @case, actor, request.Category?.Trim(), priority?.ToString(), "confirmation");
        await db.SaveChangesAsync(ct);
        return Results.Ok(new { caseId = id, category = @case.Category, priority = @case.Priority });
    }
}
