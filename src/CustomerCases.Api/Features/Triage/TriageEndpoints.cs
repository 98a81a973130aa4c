namespace CustomerCases.Api.Features.Triage;

internal static class TriageEndpoints
{
    public static WebApplication MapTriageEndpoints(this WebApplication app)
    {
        app.MapGroup("/api/triage").WithTags("Triage").MapTriageModelEndpoints();
        app.MapGroup("/api/cases").WithTags("Triage").MapCaseTriageEndpoints();
        return app;
    }
}
