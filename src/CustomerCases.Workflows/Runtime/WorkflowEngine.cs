using System.Text.Json.Nodes;
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
        var execution = new WorkflowExecution(definition, new WorkflowState(), _services, cancellationToken);
        try
        {
            await execution.StartAsync(request);
            return execution.BuildResult([]);
        }
        finally
        {
            execution.Release();
        }
    }

    /// <summary>Resumes the bookmarks of <paramref name="state"/> that match the request (by id, or all with the stimulus hash).</summary>
    public async Task<ExecutionResult> ResumeAsync(WorkflowDefinition definition, WorkflowState state, ResumeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(request);
        var execution = new WorkflowExecution(definition, WorkflowStateSerializer.Clone(state), _services, cancellationToken);
        try
        {
            if (!await execution.ResumeAsync(request))
                return new ExecutionResult { State = WorkflowStateSerializer.Clone(state), BookmarkNotFound = true };
            return execution.BuildResult(state.Bookmarks);
        }
        finally
        {
            execution.Release();
        }
    }

    /// <summary>
    /// Cancels an instance: every bookmark is burned and the instance ends Finished/Cancelled; the journal names the
    /// <paramref name="reason"/> on the workflow's own Cancelled entry.
    /// </summary>
    public Task<ExecutionResult> CancelAsync(WorkflowDefinition definition, WorkflowState state, CancellationToken cancellationToken = default, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        var execution = new WorkflowExecution(definition, WorkflowStateSerializer.Clone(state), _services, cancellationToken);
        execution.Cancel(reason);
        return Task.FromResult(execution.BuildResult(state.Bookmarks));
    }

    /// <summary>
    /// Why <paramref name="state"/> cannot be retried on <paramref name="definition"/> with these variable values; empty
    /// when it can. The definition may be a newer version of the instance's own (a fix), if it has the same activities.
    /// </summary>
    public IReadOnlyList<string> CheckRetry(WorkflowDefinition definition, WorkflowState state, IReadOnlyDictionary<string, JsonNode?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        return new WorkflowExecution(definition, WorkflowStateSerializer.Clone(state), _services, CancellationToken.None).CheckRetry(variables);
    }

    /// <summary>
    /// Retries a Faulted instance (Elsa's retry alteration): restores it to where the activity failed, sets the given
    /// variables, migrates it to <paramref name="definition"/>'s version and runs the faulted activity again.
    /// Throws when <see cref="CheckRetry"/> reports a problem.
    /// </summary>
    public async Task<ExecutionResult> RetryAsync(WorkflowDefinition definition, WorkflowState state, IReadOnlyDictionary<string, JsonNode?>? variables = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        var execution = new WorkflowExecution(definition, WorkflowStateSerializer.Clone(state), _services, cancellationToken);
        try
        {
            await execution.RetryAsync(variables);
            return execution.BuildResult(state.Bookmarks);
        }
        finally
        {
            execution.Release();
        }
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
