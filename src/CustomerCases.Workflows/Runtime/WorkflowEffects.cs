namespace CustomerCases.Workflows.Runtime;

/// <summary>Side effects an execution asks the host to carry out (after, or as part of, its commit).</summary>
public sealed record WorkflowEffects(
    IReadOnlyList<PublishedEvent> PublishedEvents,
    IReadOnlyList<TaskRequest> TaskRequests,
    IReadOnlyList<DispatchRequest> DispatchRequests,
    IReadOnlyList<HttpResponseEffect> HttpResponses)
{
    /// <summary>No effects.</summary>
    public static WorkflowEffects None { get; } = new([], [], [], []);
}
