using System.Security.Cryptography;
using System.Text.Json;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Shared;

/// <summary>
/// Idempotency-Key support: the first answer is stored in the same transaction as the work; a retry with the same
/// key and body gets that answer back, a retry with another body is refused (422), and nothing is done twice.
/// </summary>
internal static class Idempotency
{
    public const string Header = "Idempotency-Key";

    public static string? ReadKey(HttpRequest request, Validation validation)
    {
        string? key = request.Headers[Header];
        if (key is null)
        {
            return null;
        }

        if (key.Length is 0 or > 200)
        {
            validation.Add(Header, "must be 1 to 200 characters.");
            return null;
        }

        return key;
    }

    public static string HashOf<T>(T request, JsonSerializerOptions json) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, json)));

    /// <summary>The stored answer for this key, a 422 when the key was used for another request, or null when new.</summary>
    // Compiled once: every retried-or-not write with a key runs it (see Workflows.WorkflowQueries for why).
    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, string, string, Task<IdempotencyRecord?>>> RecordByKey = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, string scope, string key) => db.IdempotencyRecords.AsNoTracking().SingleOrDefault(r => r.Scope == scope && r.Key == key)));

    public static async Task<IResult?> TryReplayAsync(CustomerCasesDbContext db, string scope, string key, string requestHash, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var record = await RecordByKey.For(db)(db, scope, key);
        if (record is null)
        {
            return null;
        }

        if (record.RequestHash != requestHash)
        {
            return Results.Problem(statusCode: 422, title: "Idempotency key reused",
                detail: $"The {Header} '{key}' was already used for a different request body.");
        }

        return new ReplayResult(record);
    }

    public static void Record(CustomerCasesDbContext db, string scope, string key, string requestHash, int status, string? location,
        object response, JsonSerializerOptions json, DateTimeOffset now) =>
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            Scope = scope,
            Key = key,
            RequestHash = requestHash,
            StatusCode = status,
            Location = location,
            ResponseJson = JsonSerializer.Serialize(response, json),
            CreatedAt = now,
        });

    private sealed class ReplayResult(IdempotencyRecord record) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = record.StatusCode;
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (record.Location is not null)
            {
                httpContext.Response.Headers.Location = record.Location;
            }

            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await httpContext.Response.WriteAsync(record.ResponseJson);
        }
    }
}
