using CustomerCases.Api.Auth;
using CustomerCases.Api.Features.Elsa.Bulk;
using CustomerCases.Api.Features.Elsa.Definitions;
using CustomerCases.Api.Features.Elsa.Descriptors;
using CustomerCases.Api.Features.Elsa.Http;
using CustomerCases.Api.Features.Elsa.Instances;
using CustomerCases.Api.Features.Elsa.Scripting;
using CustomerCases.Api.Features.Elsa.Server;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Features.Elsa.Stimuli;
using CustomerCases.Api.Features.Elsa.Tests;
using CustomerCases.Domain.Access;

// In the Hosting namespace (which Program.cs already imports) so that mapping the Elsa API is the single line
// app.MapElsaApi(); — everything else of the feature lives under Features/Elsa.
namespace CustomerCases.Api.Hosting;

/// <summary>
/// Elsa 3's REST API under <c>/elsa/api</c> (the routes and JSON shapes Elsa Studio's client uses) and Elsa's HTTP
/// workflow base path <c>/workflows/{**path}</c>. Roles: designers own definitions and descriptors, admins own
/// instances, agents/managers/intake may send stimuli (events, task completions); admin may call everything.
/// </summary>
internal static class ElsaEndpoints
{
    public static WebApplication MapElsaApi(this WebApplication app)
    {
        var api = app.MapGroup("/elsa/api").WithTags("Elsa");

        var definitions = api.MapGroup("/workflow-definitions").RequireRoles(Roles.Designer);
        definitions.MapGet("/", ListDefinitions.HandleAsync);
        definitions.MapGet("/by-definition-id/{definitionId}", GetDefinition.ByDefinitionIdAsync);
        definitions.MapGet("/by-id/{versionId}", GetDefinition.ByVersionIdAsync);
        definitions.MapGet("/many-by-id", GetManyDefinitions.HandleAsync);
        definitions.MapGet("/query/count", DefinitionQueries.CountAsync);
        definitions.MapGet("/validation/is-name-unique", DefinitionQueries.IsNameUniqueAsync);
        definitions.MapGet("/{definitionId}/versions", ListDefinitionVersions.HandleAsync);
        definitions.MapGet("/{definitionId}/export", ExportDefinition.HandleAsync);
        definitions.MapGet("/{definitionId}", GetDefinition.ByDefinitionIdAsync);
        definitions.MapPost("/", SaveDefinition.HandleAsync);
        definitions.MapPost("/import", ImportDefinition.HandleAsync).DisableAntiforgery();
        definitions.MapPost("/import-files", ImportFiles.HandleAsync).DisableAntiforgery();
        definitions.MapPut("/import", ImportDefinition.HandleAsync).DisableAntiforgery();
        definitions.MapMethods("/{definitionId}/import", ["POST", "PUT"], ImportDefinition.HandleAsync).DisableAntiforgery();
        definitions.MapPost("/{definitionId}/publish", PublishDefinition.PublishAsync);
        definitions.MapPost("/{definitionId}/retract", PublishDefinition.RetractAsync);
        definitions.MapPost("/{definitionId}/revert/{version:int}", RevertDefinition.HandleAsync);
        definitions.MapDelete("/{definitionId}", DeleteDefinition.HandleAsync);
        definitions.MapPost("/{definitionId}/execute", ExecuteDefinition.ExecuteAsync);
        definitions.MapPost("/{definitionId}/dispatch", ExecuteDefinition.DispatchAsync);
        api.MapDelete("/workflow-definition-versions/{versionId}", DeleteDefinitionVersion.HandleAsync).RequireRoles(Roles.Designer);

        // Studio's definition list acts on a selection. Elsa's client and server spell the publish/retract routes
        // differently (by-definition-ids / by-definition-id); both are answered.
        var bulk = api.MapGroup("/bulk-actions").RequireRoles(Roles.Designer);
        bulk.MapPost("/publish/workflow-definitions/by-definition-ids", BulkPublish.HandleAsync);
        bulk.MapPost("/publish/workflow-definitions/by-definition-id", BulkPublish.HandleAsync);
        bulk.MapPost("/retract/workflow-definitions/by-definition-ids", BulkRetract.HandleAsync);
        bulk.MapPost("/retract/workflow-definitions/by-definition-id", BulkRetract.HandleAsync);
        bulk.MapPost("/delete/workflow-definitions/by-definition-id", BulkDelete.DefinitionsAsync);
        bulk.MapPost("/delete/workflow-definitions/by-id", BulkDelete.VersionsAsync);
        bulk.MapPost("/export/workflow-definitions", BulkExport.HandleAsync);

        // Designers read instances (Studio's instance list and viewer); cancelling and deleting stay with admins.
        var instances = api.MapGroup("/workflow-instances");
        instances.MapGet("/", ListInstances.FromQueryAsync).RequireRoles(Roles.Designer);
        instances.MapPost("/", ListInstances.FromBodyAsync).RequireRoles(Roles.Designer);
        instances.MapGet("/{id}", GetInstance.HandleAsync).RequireRoles(Roles.Designer);
        instances.MapDelete("/{id}", DeleteInstance.HandleAsync).RequireRoles(Roles.Admin);
        instances.MapPost("/{id}/cancel", CancelInstance.HandleAsync).RequireRoles(Roles.Admin);
        instances.MapGet("/{id}/journal", GetJournal.HandleAsync).RequireRoles(Roles.Designer);
        instances.MapPost("/{id}/journal", GetJournal.FilteredAsync).RequireRoles(Roles.Designer);
        instances.MapGet("/{id}/execution-state", GetInstanceDetails.ExecutionStateAsync).RequireRoles(Roles.Designer);
        instances.MapGet("/{id}/variables", GetInstanceDetails.VariablesAsync).RequireRoles(Roles.Designer);
        api.MapPost("/cancel/workflow-instances/{id}", CancelInstance.HandleAsync).RequireRoles(Roles.Admin);
        api.MapGet("/activity-executions/list", ActivityExecutions.ListAsync).RequireRoles(Roles.Designer);
        api.MapGet("/activity-execution-summaries/list", ActivityExecutions.ListSummariesAsync).RequireRoles(Roles.Designer);
        api.MapPost("/activity-executions/report", ActivityExecutions.ReportAsync).RequireRoles(Roles.Designer);
        // Retrying an incident is a designer's job too: the fix is often in the definition.
        api.MapPost("/workflow-instances/{id}/retry", RetryInstance.HandleAsync).RequireRoles(Roles.Admin, Roles.Designer);
        api.MapPost("/alterations/workflows/retry", RetryInstance.ElsaAsync).RequireRoles(Roles.Admin, Roles.Designer);

        // Stimuli come from integrations (intake channels) and from people working cases.
        api.MapPost("/events/{eventName}/trigger", TriggerEvent.HandleAsync).RequireRoles(Roles.Intake, Roles.Agent, Roles.Manager);
        api.MapPost("/tasks/{taskId}/complete", CompleteTask.HandleAsync).RequireRoles(Roles.Intake, Roles.Agent, Roles.Manager);

        // What Studio asks about the server at start.
        api.MapGet("/features/installed", ServerInfo.InstalledFeatures).RequireRoles(Roles.Designer);
        api.MapGet("/features/installed/{fullName}", ServerInfo.InstalledFeature).RequireRoles(Roles.Designer);
        api.MapGet("/package/version", ServerInfo.PackageVersion).RequireRoles(Roles.Designer);

        var descriptors = api.MapGroup("/descriptors").RequireRoles(Roles.Designer);
        descriptors.MapGet("/activities", ActivityDescriptors.HandleAsync);
        StaticDescriptors.Map(descriptors);
        api.MapPost("/scripting/javascript/type-definitions/{workflowDefinitionId}", JavaScriptTypeDefinitions.HandleAsync).RequireRoles(Roles.Designer);
        // Studio's activity "Test" tab: one activity run on its own, nothing stored.
        api.MapPost("/tests/activities", TestActivity.HandleAsync).RequireRoles(Roles.Designer);

        // Public by design, as in Elsa: only paths of HttpEndpoint triggers and open bookmarks answer (see the handler).
        app.MapMethods("/workflows/{**path}", HttpWorkflowRequest.Methods, HttpWorkflowRequest.HandleAsync).AllowAnonymous().WithTags("Elsa");
        return app;
    }
}
