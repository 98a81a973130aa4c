using CustomerCases.Api.Auth;
using CustomerCases.Domain.Access;

namespace CustomerCases.Api.Features.Agents;

internal static class AgentEndpoints
{
    public static WebApplication MapAgentEndpoints(this WebApplication app)
    {
        var queues = app.MapGroup("/api/queues").WithTags("Agents and queues").RequireRoles(Roles.Manager);
        queues.MapPost("/", CreateQueue.HandleAsync).WithName("CreateQueue");
        queues.MapGet("/", ListQueues.ListAsync).WithName("ListQueues");
        queues.MapGet("/{name}", ListQueues.GetAsync).WithName("GetQueue");

        var agents = app.MapGroup("/api/agents").WithTags("Agents and queues");
        agents.MapPost("/", CreateAgent.HandleAsync).RequireRoles(Roles.Manager).WithName("CreateAgent");
        agents.MapGet("/", ListAgents.ListAsync).RequireRoles(Roles.Manager).WithName("ListAgents");
        agents.MapGet("/{id:guid}", ListAgents.GetAsync).RequireRoles(Roles.Manager).WithName("GetAgent");
        // Agents may set their own presence (checked inside); everything else is a manager's.
        agents.MapPatch("/{id:guid}", UpdateAgent.HandleAsync).RequireRoles(Roles.Agent, Roles.Manager).WithName("UpdateAgent");
        return app;
    }
}
