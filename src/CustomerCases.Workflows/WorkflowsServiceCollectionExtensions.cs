using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Expressions;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerCases.Workflows;

/// <summary>DI registration of the workflow engine.</summary>
public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the activity registry, the activities, the validator and <see cref="WorkflowEngine"/> (scoped, so the
    /// host's scoped ports, such as <see cref="Ports.ICaseActivityGateway"/>, join the request's unit of work).
    /// </summary>
    public static IServiceCollection AddCustomerCasesWorkflows(this IServiceCollection services, Action<WorkflowOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new WorkflowOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<JavaScriptScriptCache>();
        foreach (var activity in BuiltInActivities.Create()) services.AddSingleton(typeof(IActivity), activity);
        services.AddSingleton(sp => new ActivityRegistry(sp.GetServices<IActivity>()));
        services.AddSingleton(sp => new WorkflowDefinitionValidator(sp.GetRequiredService<ActivityRegistry>()));
        services.AddScoped(sp => new WorkflowEngine(
            sp.GetRequiredService<ActivityRegistry>(),
            sp,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<WorkflowOptions>(),
            sp.GetRequiredService<JavaScriptScriptCache>(),
            sp.GetService<ILoggerFactory>()?.CreateLogger("CustomerCases.Workflows") ?? NullLogger.Instance));
        return services;
    }
}
