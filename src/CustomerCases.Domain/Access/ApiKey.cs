using System.Security.Cryptography;
using System.Text;

namespace CustomerCases.Domain.Access;

/// <summary>
/// A credential for the API. Only a SHA-256 hash of the secret is stored (the secret is 256 random bits, so a slow
/// password hash adds nothing); the secret is shown once, when the key is created.
/// </summary>
public sealed class ApiKey
{
    private const string SecretPrefix = "cc_";

    private ApiKey()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The first characters of the secret, so people can tell keys apart without seeing them.</summary>
    public string Prefix { get; private set; } = "";

    public string Hash { get; private set; } = "";

    public string RolesText { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public IReadOnlyList<string> Roles => RolesText.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public bool IsActive => RevokedAt is null;

    public static (ApiKey Key, string Secret) Create(string name, IEnumerable<string> roles, DateTimeOffset now)
    {
        var secret = SecretPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            Prefix = secret[..10],
            Hash = HashSecret(secret),
            RolesText = string.Join(',', roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            CreatedAt = now,
        };
        return (key, secret);
    }

    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
