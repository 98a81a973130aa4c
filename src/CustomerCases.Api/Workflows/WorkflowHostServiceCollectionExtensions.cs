using CustomerCases.Api.Features.Cases;
using CustomerCases.Api.Jobs;
using CustomerCases.Workflows;
using CustomerCases.Workflows.Ports;

namespace CustomerCases.Api.Workflows;

internal static class WorkflowHostServiceCollectionExtensions
{
    public static IServiceCollection AddCustomerCasesWorkflowHost(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(WorkflowHostOptions.SectionName).Get<WorkflowHostOptions>() ?? new WorkflowHostOptions();
        services.AddSingleton(options);
        services.AddCustomerCasesWorkflows(o =>
        {
            foreach (var host in options.AllowedHttpHosts)
            {
                o.AllowedHttpHosts.Add(host);
            }
        });
        services.AddSingleton<DefinitionCache>();
        services.AddScoped<WorkflowDefinitionStore>();
        services.AddScoped<RunnableVersions>();
        services.AddScoped<WorkflowRuntime>();
        services.AddScoped<AfterCommit>();
        services.AddScoped<ICaseActivityGateway, CaseActivityGateway>();
        services.AddScoped<WorkflowCaseHooks>();
        services.AddScoped<ICaseIntakeStep>(sp => sp.GetRequiredService<WorkflowCaseHooks>());
        services.AddScoped<ICaseMessageObserver>(sp => sp.GetRequiredService<WorkflowCaseHooks>());
        services.AddScoped<ClosedCaseWorkflows>();
        services.AddScoped<ICaseChangeObserver>(sp => sp.GetRequiredService<ClosedCaseWorkflows>());
        services.AddScoped<IWorkflowExecutionObserver>(sp => sp.GetRequiredService<ClosedCaseWorkflows>());
        services.AddHttpClient<IWorkflowHttpClient, HttpWorkflowClient>(c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<WorkflowTimerScheduler>();
        services.AddScoped<FireWorkflowTimerJob>();
        return services;
    }
}
