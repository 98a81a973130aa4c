using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CustomerCases.Domain.Access;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Auth;

/// <summary>Looks a presented secret up by its hash, with a short cache so intake does not pay a query per request.</summary>
internal sealed class ApiKeyValidator(IServiceScopeFactory scopes, IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (ValidatedKey? Key, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    private readonly string? _bootstrapHash = string.IsNullOrWhiteSpace(options.Value.BootstrapAdminKey)
        ? null
        : ApiKey.HashSecret(options.Value.BootstrapAdminKey.Trim());

    public async Task<ValidatedKey?> ValidateAsync(string secret, CancellationToken ct)
    {
        var hash = ApiKey.HashSecret(secret);
        if (_bootstrapHash is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(_bootstrapHash)))
        {
            return new ValidatedKey(ApiKeyDefaults.BootstrapKeyId, "bootstrap admin", [Roles.Admin]);
        }

        var now = time.GetUtcNow();
        if (_cache.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            return cached.Key;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash, ct);
        var validated = key is { IsActive: true } ? new ValidatedKey(key.Id.ToString(), key.Name, key.Roles) : null;
        _cache[hash] = (validated, now + options.Value.KeyCacheDuration);
        return validated;
    }

    /// <summary>Called on revocation so this node stops accepting the key at once.</summary>
    public void Forget(string hash) => _cache.TryRemove(hash, out _);
}

internal sealed record ValidatedKey(string Id, string Name, IReadOnlyList<string> Roles);
