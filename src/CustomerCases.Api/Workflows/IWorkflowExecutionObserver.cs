using CustomerCases.Persistence.Workflows;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Api.Workflows;

/// <summary>
/// Extension point of the host: sees every staged execution result (new and burned bookmarks, task requests) inside
/// the caller's unit of work, before cascaded runs, so what it stages commits or rolls back with the execution
/// (human tasks are created with their bookmark and cancelled with it).
/// </summary>
internal interface IWorkflowExecutionObserver
{
    Task OnExecutionStagedAsync(WorkflowInstanceRecord instance, ExecutionResult result, CancellationToken ct);
}
