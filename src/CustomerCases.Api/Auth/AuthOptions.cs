namespace CustomerCases.Api.Auth;

internal sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// A key with role admin that is accepted without being stored, so a fresh install and scripts can create the
    /// real keys. Give it by environment (Auth__BootstrapAdminKey), never in a committed file.
    /// </summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>How long a validated key is trusted before it is looked up again (a revocation takes effect within it on other nodes).</summary>
    public TimeSpan KeyCacheDuration { get; set; } = TimeSpan.FromSeconds(10);
}
