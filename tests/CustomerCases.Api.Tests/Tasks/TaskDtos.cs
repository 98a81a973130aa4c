using System.Text.Json;

namespace CustomerCases.Api.Tests.Tasks;

public sealed record AgentDto(Guid Id, string Name, Guid ApiKeyId, List<string> Queues, List<string> Skills, int Capacity, string Presence,
    int OpenTasks, DateTimeOffset? LastAssignedAt);

public sealed record CreatedAgentDto(AgentDto Agent, string ApiKey, string ApiKeyPrefix);

public sealed record QueueDto(Guid Id, string Name, string Strategy, TimeSpan SkillsTimeout, List<QueueMemberDto> Members, int WaitingTasks,
    string? OverdueQueue = null);

public sealed record QueueMemberDto(Guid Id, string Name, string Presence);

public sealed record FormFieldDto(string Name, string Type, bool Required, string? Label);

public sealed record TaskCaseDto(Guid Id, string Number, string Subject, string Status, string Priority, string CustomerEmail);

public sealed record TaskDto(
    Guid Id, string Title, string? Instructions, string Queue, string Status, string Priority, DateTimeOffset? DueAt, List<string> RequiredSkills,
    List<string> Outcomes, List<FormFieldDto> Form, Guid? AssigneeId, Guid? CaseId, string WorkflowInstanceId, DateTimeOffset QueuedAt,
    string? CompletedBy, string? Outcome, JsonElement? Data, string? CancelReason, int Version, TaskCaseDto? Case,
    DateTimeOffset? OverdueAt = null, int EscalationLevel = 0, string? EscalatedFromQueue = null, bool Overdue = false);

public sealed record TaskPageDto(List<TaskDto> Items, int Page, int PageSize, int Total);

public sealed record VerdictDto(Guid AgentId, string Name, bool Eligible, bool Chosen, string Reason);

public sealed record DecisionDto(string Strategy, Guid? ChosenAgentId, string Summary, bool SkillsRelaxed, List<VerdictDto> Candidates);

public sealed record RoutingDto(Guid TaskId, string Status, Guid? AssigneeId, List<DecisionDto> Decisions, DecisionDto? Now);
