using CustomerCases.Api.Auth;
using CustomerCases.Api.Features.Agents;
using CustomerCases.Api.Features.ApiKeys;
using CustomerCases.Api.Features.Cases;
using CustomerCases.Api.Features.Sla;
using CustomerCases.Api.Features.Tasks;
using CustomerCases.Api.Hosting;
using CustomerCases.Api.Jobs;
using CustomerCases.Api.Triage;
using CustomerCases.Api.Features.Triage;
using CustomerCases.Api.Sla;
using CustomerCases.Api.Workflows;
using CustomerCases.Api.Triage.Training;
using CustomerCases.Persistence;

// The same executable trains triage models in a low-priority child process (performance goal G8): no host there.
if (TrainingWorker.IsInvocation(args))
{
    return TrainingWorker.Run(args);
}

var builder = WebApplication.CreateBuilder(StartupArguments.WithoutConfigurationWatcher(args));
builder.AddRootConfiguration();
builder.Services
    .AddCustomerCasesPersistence(builder.Configuration)
    .AddCustomerCasesAuth(builder.Configuration)
    .AddCustomerCasesJobs(builder.Configuration)
    .AddCustomerCasesTriage(builder.Configuration)
    .AddCustomerCasesWorkflowHost(builder.Configuration)
    .AddCustomerCasesSla(builder.Configuration)
    .AddCustomerCasesApi(builder.Configuration)
    .AddCustomerCasesTasks();

var app = builder.Build();
await app.Services.MigrateCustomerCasesDatabaseAsync();
await app.Services.ImportShippedWorkflowsAsync();

app.UseCustomerCasesPipeline();
app.MapHealthEndpoints();
app.MapApiReference();
app.MapJobsDashboard();
app.MapApiKeyEndpoints();
app.MapCaseEndpoints();
app.MapTriageEndpoints();
app.MapElsaApi();
app.MapStudio();
app.MapSlaEndpoints();
app.MapTaskEndpoints();
app.MapAgentEndpoints();
app.ScheduleRecurringJobs();
app.ScheduleTaskRouting();

await app.RunAsync();
return 0;
