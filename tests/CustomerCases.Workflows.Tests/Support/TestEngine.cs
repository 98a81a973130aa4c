using System.Text.Json.Nodes;
using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Expressions;
using CustomerCases.Workflows.Ports;
using CustomerCases.Workflows.Runtime;
using CustomerCases.Workflows.Validation;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCases.Workflows.Tests.Support;

/// <summary>An engine wired with fakes: a fake clock, an in-memory case gateway and a scripted HTTP client.</summary>
internal sealed class TestEngine
{
    public TestEngine(Action<WorkflowOptions>? configure = null)
    {
        configure?.Invoke(Options);
        Registry = new ActivityRegistry(BuiltInActivities.Create());
        Services = new SimpleServiceProvider().Add<ICaseActivityGateway>(Cases).Add<IWorkflowHttpClient>(Http);
        Engine = new WorkflowEngine(Registry, Services, Clock, Options, Scripts, NullLogger.Instance);
        Validator = new WorkflowDefinitionValidator(Registry);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public WorkflowOptions Options { get; } = new();

    public JavaScriptScriptCache Scripts { get; } = new();

    public ActivityRegistry Registry { get; }

    public SimpleServiceProvider Services { get; }

    public FakeCaseGateway Cases { get; } = new();

    public FakeHttpClient Http { get; } = new();

    public WorkflowEngine Engine { get; }

    public WorkflowDefinitionValidator Validator { get; }

    public Task<ExecutionResult> StartAsync(WorkflowDefinition definition, JsonObject? input = null, string? correlationId = null, string? trigger = null) =>
        Engine.StartAsync(definition, new StartRequest("instance-1", input, correlationId, trigger));

    public Task<ExecutionResult> RunFixtureAsync(string fixture, JsonObject? input = null) => StartAsync(Fixtures.Load(fixture), input);
}
