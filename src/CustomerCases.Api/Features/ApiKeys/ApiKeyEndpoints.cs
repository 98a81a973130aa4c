using CustomerCases.Api.Auth;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Domain.Access;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.ApiKeys;

/// <summary>Admins create keys (the secret is shown once), list them (never the secret) and revoke them.</summary>
internal static class ApiKeyEndpoints
{
    internal sealed record CreateRequest(string? Name, List<string>? Roles);

    internal sealed record KeyResponse(Guid Id, string Name, string Prefix, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
    {
        public static KeyResponse From(ApiKey k) => new(k.Id, k.Name, k.Prefix, k.Roles, k.CreatedAt, k.RevokedAt);
    }

    internal sealed record CreatedKeyResponse(KeyResponse Key, string Secret);

    public static WebApplication MapApiKeyEndpoints(this WebApplication app)
    {
        var keys = app.MapGroup("/api/admin/api-keys").WithTags("Administration").RequireRoles(Roles.Admin);
        keys.MapPost("/", CreateAsync);
        keys.MapGet("/", ListAsync);
        keys.MapDelete("/{id:guid}", RevokeAsync);
        return app;
    }

    private static async Task<IResult> CreateAsync(CreateRequest request, CustomerCasesDbContext db, TimeProvider time, CancellationToken ct)
    {
        var v = new Validation().Require("name", request.Name, 200);
        if (request.Roles is not { Count: > 0 })
        {
            v.Add("roles", $"at least one of: {string.Join(", ", Roles.All)}.");
        }
        else
        {
            foreach (var role in request.Roles.Where(r => !Roles.IsKnown(r)))
            {
                v.Add("roles", $"'{role}' is not one of: {string.Join(", ", Roles.All)}.");
            }
        }

        if (!v.IsValid)
        {
            return v.Problem();
        }

        var (key, secret) = ApiKey.Create(request.Name!, request.Roles!, time.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return Results.Created($"/api/admin/api-keys/{key.Id}", new CreatedKeyResponse(KeyResponse.From(key), secret));
    }

    private static async Task<IResult> ListAsync(CustomerCasesDbContext db, CancellationToken ct)
    {
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(ct);
        return Results.Ok(keys.Select(KeyResponse.From));
    }

    private static async Task<IResult> RevokeAsync(Guid id, CustomerCasesDbContext db, TimeProvider time, ApiKeyValidator validator, CancellationToken ct)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, ct);
        if (key is null)
        {
            return ApiProblems.NotFound("API key", id);
        }

        key.Revoke(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        validator.Forget(key.Hash);
        return Results.NoContent();
    }
}
