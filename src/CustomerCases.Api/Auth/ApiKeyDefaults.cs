namespace CustomerCases.Api.Auth;

internal static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string BootstrapKeyId = "bootstrap-admin";
}
