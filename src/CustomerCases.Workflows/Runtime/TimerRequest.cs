namespace CustomerCases.Workflows.Runtime;

/// <summary>A wake-up the host must store as a row: at <see cref="DueAt"/>, resume bookmark <see cref="BookmarkId"/>.</summary>
public sealed record TimerRequest(string InstanceId, string BookmarkId, string BookmarkHash, DateTimeOffset DueAt);
