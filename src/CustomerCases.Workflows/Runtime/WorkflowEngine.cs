using CustomerCases.Workflows.Activities;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Expressions;
using Microsoft.Extensions.Logging;

namespace CustomerCases.Workflows.Runtime;

/// <summary>
/// The engine facade. Each call runs an instance from a state and a stimulus and returns an <see cref="ExecutionResult"/>
/// for the host to commit in one transaction; the engine itself stores nothing. The given state is never modified.
/// </summary>
public sealed class WorkflowEngine
{
    private readonly EngineServices _services;

    internal WorkflowEngine(ActivityRegistry registry, IServiceProvider services, TimeProvider time, WorkflowOptions options,
        JavaScriptScriptCache scripts, ILogger logger) =>
        _services = new EngineServices(registry, services, time, options, scripts, logger);

    /// <summary>Starts a new instance (from its Start activity, or from <see cref="StartRequest.TriggerActivityId"/>).</summary>
    public async Task<ExecutionResult> StartAsync(WorkflowDefinition definition, StartRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(request);
        var empty = new WorkflowState();
        var execution = new WorkflowExecution(definition, new WorkflowState(), _services, cancellationToken);
        await execution.StartAsync(request);
        return execution.BuildResult(empty);
    }

    /// <summary>Resumes the bookmarks of <paramref name="state"/> that match the request (by id, or all with the stimulus hash).</summary>
    public async Task<ExecutionResult> ResumeAsync(WorkflowDefinition definition, WorkflowState state, ResumeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        var execution = new WorkflowExecution(definition, WorkflowStateSerializer.Clone(state), _services, cancellationToken);
        if (!await execution.ResumeAsync(request))
            return new ExecutionResult { State = WorkflowStateSerializer.Clone(state), BookmarkNotFound = true };
        return execution.BuildResult(state);
    }

    /// <summary>Cancels an instance: every bookmark is burned and the instance ends Finished/Cancelled.</summary>
    public Task<ExecutionResult> CancelAsync(WorkflowDefinition definition, WorkflowState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        var execution = new WorkflowExecution(definition, WorkflowStateSerializer.Clone(state), _services, cancellationToken);
        execution.Cancel();
        return Task.FromResult(execution.BuildResult(state));
    }

    /// <summary>The triggers of a definition (activities with <c>canStartWorkflow</c>), for the host's trigger index.</summary>
    public IReadOnlyList<WorkflowTrigger> GetTriggers(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Root.Activities
            .Where(a => a.CanStartWorkflow)
            .SelectMany(a => _services.Registry.Find(a.Type) is ITriggerActivity trigger
                ? trigger.GetTriggerStimuli(a).Select(s => new WorkflowTrigger(definition.DefinitionId, definition.Id, a.Id, a.Type, s.Name, s.Payload, s.Hash))
                : [])
            .ToList();
    }
}
