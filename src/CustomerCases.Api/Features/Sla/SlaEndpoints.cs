using CustomerCases.Api.Auth;
using CustomerCases.Domain.Access;
using CustomerCases.Persistence.Sla;

namespace CustomerCases.Api.Features.Sla;

internal static class SlaEndpoints
{
    public static WebApplication MapSlaEndpoints(this WebApplication app)
    {
        var sla = app.MapGroup("/api/sla").WithTags("SLA");
        foreach (var kind in new[] { SlaDefinitionRecord.CalendarKind, SlaDefinitionRecord.PolicyKind })
        {
            var path = "/" + SlaDefinitionEndpoints.Plural(kind);
            sla.MapPut(path + "/{id}", (string id, System.Text.Json.JsonElement body, System.Security.Claims.ClaimsPrincipal user,
                    Persistence.CustomerCasesDbContext db, Api.Sla.SlaDefinitionStore store, Api.Sla.SlaCatalog catalog, Persistence.WriteGate gate,
                    Hangfire.IBackgroundJobClient jobs, CancellationToken ct) => SlaDefinitionEndpoints.PutAsync(kind, id, body, user, db, store, catalog, gate, jobs, ct))
                .RequireRoles(Roles.Admin).WithName("Put" + kind);
            sla.MapGet(path + "/{id}", (string id, int? version, Persistence.CustomerCasesDbContext db, CancellationToken ct) =>
                    SlaDefinitionEndpoints.GetAsync(kind, id, version, db, ct))
                .RequireRoles(Roles.Manager, Roles.Designer).WithName("Get" + kind);
            sla.MapGet(path, (Persistence.CustomerCasesDbContext db, CancellationToken ct) => SlaDefinitionEndpoints.ListAsync(kind, db, ct))
                .RequireRoles(Roles.Manager, Roles.Designer).WithName("List" + kind);
        }

        sla.MapGet("/breaches", SlaTargetLists.BreachesAsync).RequireRoles(Roles.Manager).WithName("ListSlaBreaches");
        sla.MapGet("/at-risk", SlaTargetLists.AtRiskAsync).RequireRoles(Roles.Manager).WithName("ListSlaAtRisk");
        app.MapGet("/api/cases/{id:guid}/sla", GetCaseSla.HandleAsync).WithTags("SLA").RequireRoles(Roles.Manager).WithName("GetCaseSla");
        var reports = app.MapGroup("/api/reports").WithTags("Reports");
        reports.MapGet("/sla", SlaReport.HandleAsync).RequireRoles(Roles.Manager).WithName("SlaReport");
        reports.MapGet("/demand", DemandReport.HandleAsync).RequireRoles(Roles.Manager).WithName("DemandReport");
        return app;
    }
}
