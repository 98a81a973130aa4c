using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Expressions;
using Microsoft.Extensions.Logging;

namespace CustomerCases.Workflows.Runtime;

/// <summary>What one execution needs from the container, bundled so the execution object stays a plain class.</summary>
internal sealed record EngineServices(
    ActivityRegistry Registry,
    IServiceProvider Services,
    TimeProvider Time,
    WorkflowOptions Options,
    JavaScriptScriptCache Scripts,
    ILogger Logger);
