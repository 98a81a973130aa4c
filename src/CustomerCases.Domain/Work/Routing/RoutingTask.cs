namespace CustomerCases.Domain.Work.Routing;

/// <summary>What routing needs to know about a waiting task.</summary>
public sealed record RoutingTask(Guid TaskId, IReadOnlyList<string> RequiredSkills, DateTimeOffset QueuedAt, string? RequestedAssignee = null)
{
    public static RoutingTask From(HumanTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new(task.Id, task.RequiredSkills, task.QueuedAt, task.RequestedAssignee);
    }
}
