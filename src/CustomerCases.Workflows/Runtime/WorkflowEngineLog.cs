using Microsoft.Extensions.Logging;

namespace CustomerCases.Workflows.Runtime;

/// <summary>Source-generated log messages of the engine (event ids 1000–1099).</summary>
internal static partial class WorkflowEngineLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Warning, Message = "Workflow instance {InstanceId}: activity {ActivityId} faulted: {Reason}")]
    public static partial void LogIncident(this ILogger logger, string instanceId, string activityId, string reason);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Workflow instance {InstanceId} WriteLine: {Text}")]
    public static partial void LogWriteLine(this ILogger logger, string instanceId, string? text);
}
