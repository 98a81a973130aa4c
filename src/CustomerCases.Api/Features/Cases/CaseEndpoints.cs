using CustomerCases.Api.Auth;
using CustomerCases.Domain.Access;

namespace CustomerCases.Api.Features.Cases;

internal static class CaseEndpoints
{
    public static WebApplication MapCaseEndpoints(this WebApplication app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases");
        cases.MapPost("/", OpenCase.HandleAsync).RequireRoles(Roles.Intake, Roles.Agent, Roles.Manager).WithName("OpenCase");
        cases.MapGet("/", ListCases.HandleAsync).RequireRoles(Roles.Agent, Roles.Manager).WithName("ListCases");
        cases.MapGet("/{id:guid}", GetCase.HandleAsync).RequireRoles(Roles.Agent, Roles.Manager).WithName("GetCase");
        cases.MapPatch("/{id:guid}", UpdateCase.HandleAsync).RequireRoles(Roles.Agent, Roles.Manager).WithName("UpdateCase");
        // Customer messages arrive through intake channels too; replies and notes need an agent (checked inside).
        cases.MapPost("/{id:guid}/messages", AddMessage.HandleAsync).RequireRoles(Roles.Intake, Roles.Agent, Roles.Manager).WithName("AddCaseMessage");
        cases.MapGet("/{id:guid}/history", GetCaseHistory.HandleAsync).RequireRoles(Roles.Agent, Roles.Manager).WithName("GetCaseHistory");
        return app;
    }
}
