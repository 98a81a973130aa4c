using CustomerCases.Api.Features.Cases;
using CustomerCases.Api.Jobs;
using CustomerCases.Api.Workflows;

namespace CustomerCases.Api.Features.Tasks;

internal static class TasksServiceCollectionExtensions
{
    /// <summary>Human tasks, agents, queues and routing; hooks into the workflow host and case changes.</summary>
    public static IServiceCollection AddCustomerCasesTasks(this IServiceCollection services)
    {
        services.AddScoped<TaskRouting>();
        services.AddScoped<TaskWork>();
        services.AddScoped<IWorkflowExecutionObserver, HumanTaskWorkflowObserver>();
        services.AddScoped<ICaseChangeObserver, TaskCaseObserver>();
        services.AddScoped<RouteWaitingTasksJob>();
        services.AddScoped<EscalateOverdueTasksJob>();
        services.AddSingleton<OverdueTaskScheduler>();
        return services;
    }
}
