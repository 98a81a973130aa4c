using System.Security.Claims;
using System.Text.Json;
using CustomerCases.Api.Auth;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Domain.Cases;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Cases;

/// <summary>
/// PATCH /api/cases/{id} — change status, priority, category, queue, assignee or tags through the domain rules.
/// A field that is absent is left alone; a field set to null is cleared (category, queue, assignee). An If-Match
/// header with the version from GET makes the change conditional.
/// </summary>
internal static class UpdateCase
{
    private static readonly string[] KnownFields = ["status", "priority", "category", "queue", "assignee", "tags"];

    public static async Task<IResult> HandleAsync(Guid id, JsonElement body, HttpContext http, ClaimsPrincipal user,
        CustomerCasesDbContext db, WriteGate gate, TimeProvider time, IEnumerable<ICaseChangeObserver> observers, CancellationToken ct)
    {
        var v = new Validation();
        var patch = Parse(body, v);
        int? expectedVersion = ParseIfMatch(http.Request, v);
        if (!v.IsValid || patch is null)
        {
            return v.Problem();
        }

        using var writer = await gate.EnterAsync(ct);
        var @case = await db.Cases.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return ApiProblems.NotFound("Case", id);
        }

        if (expectedVersion is { } expected && expected != @case.Version)
        {
            // RFC 9110 §13.1.1: a false If-Match is 412; clients that send one branch on it.
            return ApiProblems.PreconditionFailed("version_mismatch",
                $"The case is at version {@case.Version}, not {expected}. Read it again and retry.");
        }

        var actor = user.ToActor();
        var now = time.GetUtcNow();
        var before = (@case.Category, @case.Priority);
        // Order matters: assigning opens a New case, so an explicit status in the same patch wins afterwards.
        if (patch.Assignee.IsSet)
        {
            @case.AssignTo(patch.Assignee.Value, actor, now);
        }

        if (patch.Priority is { } priority)
        {
            @case.ChangePriority(priority, actor, now);
        }

        if (patch.Category.IsSet)
        {
            @case.Categorise(patch.Category.Value, actor, now);
        }

        if (patch.Queue.IsSet)
        {
            @case.MoveToQueue(patch.Queue.Value, actor, now);
        }

        if (patch.Tags is not null)
        {
            @case.SetTags(patch.Tags, actor, now);
        }

        if (patch.Status is { } status)
        {
            @case.ChangeStatus(status, actor, now);
        }

        foreach (var observer in observers)
        {
            await observer.OnCaseChangedAsync(@case, before.Category, before.Priority, actor, ct);
        }

        await db.SaveChangesAsync(ct);
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == @case.CustomerId, ct);
        http.Response.Headers.ETag = $"\"{@case.Version}\"";
        return Results.Ok(CaseResponse.From(@case, customer, withMessages: false));
    }

    private static int? ParseIfMatch(HttpRequest request, Validation v)
    {
        string? header = request.Headers.IfMatch;
        if (header is null)
        {
            return null;
        }

        if (int.TryParse(header.Trim().Trim('"').Replace("W/", "", StringComparison.Ordinal).Trim('"'), out var version))
        {
            return version;
        }

        v.Add("If-Match", "must be the case's version as returned in the ETag header.");
        return null;
    }

    internal static Patch? Parse(JsonElement body, Validation v)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            v.Add("body", "must be a JSON object.");
            return null;
        }

        var patch = new Patch();
        foreach (var property in body.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            if (!KnownFields.Contains(name, StringComparer.Ordinal))
            {
                v.Add(name, $"cannot be changed here; changeable fields: {string.Join(", ", KnownFields)}.");
                continue;
            }

            if (name == "tags")
            {
                patch.Tags = ReadTags(value, v);
                continue;
            }

            if (value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                v.Add(name, "must be a string or null.");
                continue;
            }

            var text = value.GetString();
            switch (name)
            {
                case "status":
                    patch.Status = text is null ? Missing<CaseStatus>(v, name) : v.Enum<CaseStatus>(name, text);
                    break;
                case "priority":
                    patch.Priority = text is null ? Missing<CasePriority>(v, name) : v.Enum<CasePriority>(name, text);
                    break;
                case "category":
                    v.MaxLength(name, text, 100);
                    patch.Category = new Optional(text);
                    break;
                case "queue":
                    v.MaxLength(name, text, 100);
                    patch.Queue = new Optional(text);
                    break;
                case "assignee":
                    v.MaxLength(name, text, 200);
                    patch.Assignee = new Optional(text);
                    break;
            }
        }

        return patch;
    }

    private static List<string>? ReadTags(JsonElement value, Validation v)
    {
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
        {
            v.Add("tags", "must be an array of strings.");
            return null;
        }

        var tags = value.EnumerateArray().Select(t => t.GetString()!).ToList();
        OpenCase.ValidateTags(tags, v);
        return tags;
    }

    private static T? Missing<T>(Validation v, string name)
        where T : struct
    {
        v.Add(name, "cannot be null.");
        return null;
    }

    internal sealed class Patch
    {
        public CaseStatus? Status { get; set; }

        public CasePriority? Priority { get; set; }

        public Optional Category { get; set; }

        public Optional Queue { get; set; }

        public Optional Assignee { get; set; }

        public List<string>? Tags { get; set; }
    }

    /// <summary>Tells "set to null" apart from "not in the patch".</summary>
    internal readonly record struct Optional(string? Value)
    {
        public bool IsSet { get; } = true;
    }
}

/// <summary>Reacts to an agent's change of a case inside its transaction (e.g. a new category becomes a training label).</summary>
internal interface ICaseChangeObserver
{
    Task OnCaseChangedAsync(Case @case, string? categoryBefore, CasePriority priorityBefore, Domain.Common.Actor actor, CancellationToken ct);
}
