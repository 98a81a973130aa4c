using CustomerCases.Api.Auth;
using CustomerCases.Domain.Access;

namespace CustomerCases.Api.Features.Tasks;

internal static class TaskEndpoints
{
    public static WebApplication MapTaskEndpoints(this WebApplication app)
    {
        var tasks = app.MapGroup("/api/tasks").WithTags("Tasks").RequireRoles(Roles.Agent, Roles.Manager);
        tasks.MapGet("/", ListTasks.HandleAsync).WithName("ListTasks");
        tasks.MapGet("/{id:guid}", GetTask.HandleAsync).WithName("GetTask");
        tasks.MapGet("/{id:guid}/routing", GetTaskRouting.HandleAsync).WithName("GetTaskRouting");
        tasks.MapPost("/{id:guid}/claim", ClaimTask.HandleAsync).WithName("ClaimTask");
        tasks.MapPost("/{id:guid}/release", ReleaseTask.HandleAsync).WithName("ReleaseTask");
        tasks.MapPost("/{id:guid}/reassign", ReassignTask.HandleAsync).RequireRoles(Roles.Manager).WithName("ReassignTask");
        tasks.MapPost("/{id:guid}/complete", CompleteTask.HandleAsync).WithName("CompleteTask");
        return app;
    }
}
