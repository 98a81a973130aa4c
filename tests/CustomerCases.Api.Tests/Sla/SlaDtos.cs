namespace CustomerCases.Api.Tests.Sla;

public sealed record CaseSlaDto(Guid CaseId, string? PolicyId, int? PolicyVersion, string? CalendarId, List<SlaTargetDto> Targets, string? Note);

public sealed record SlaTargetDto(string Metric, int Cycle, string Stage, bool Breached, DateTimeOffset StartAt, DateTimeOffset DueAt,
    DateTimeOffset OriginalDueAt, DateTimeOffset? CompletedAt, double TargetBusinessSeconds, double BusinessElapsedSeconds, double BusinessRemainingSeconds,
    double PausedBusinessSeconds, List<SlaPauseDto> Pauses, string Explanation);

public sealed record SlaPauseDto(DateTimeOffset Start, DateTimeOffset? End, string Status, double BusinessSeconds);

public sealed record SlaListItemDto(Guid CaseId, string Metric, int Cycle, string Stage, DateTimeOffset DueAt, DateTimeOffset ProjectedBreachAt, double SecondsToBreach);

public sealed record SlaDefinitionDto(string Kind, string Id, int Version, string Source, List<int>? Versions);

public sealed record SlaReportDto(string GroupBy, List<SlaReportRowDto> Rows);

public sealed record SlaReportRowDto(string Group, string Metric, int Targets, int Completed, int CompletedInTime, int Breached, double? AttainmentPercent,
    double? MedianWallSeconds);
