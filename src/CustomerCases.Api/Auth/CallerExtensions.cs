using System.Security.Claims;
using CustomerCases.Domain.Common;

namespace CustomerCases.Api.Auth;

internal static class CallerExtensions
{
    public static Actor ToActor(this ClaimsPrincipal user) =>
        new(ActorKind.User, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown", user.Identity?.Name);

    public static string KeyId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
}
