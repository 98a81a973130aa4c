using System.Text.Json;
using CustomerCases.Domain.Work.Routing;

namespace CustomerCases.Persistence.Work;

/// <summary>
/// A stored routing decision: one per assignment (automatic, claimed, reassigned), so an assignment can always be
/// explained later with the candidates as they were at that moment.
/// </summary>
public sealed class TaskRoutingRecord
{
    public long Id { get; set; }

    public Guid TaskId { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    public string Strategy { get; set; } = "";

    public Guid? ChosenAgentId { get; set; }

    public bool SkillsRelaxed { get; set; }

    public string Summary { get; set; } = "";

    public string CandidatesJson { get; set; } = "[]";

    public static TaskRoutingRecord From(Guid taskId, RoutingDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new TaskRoutingRecord
        {
            TaskId = taskId,
            DecidedAt = decision.DecidedAt,
            Strategy = decision.Strategy,
            ChosenAgentId = decision.ChosenAgentId,
            SkillsRelaxed = decision.SkillsRelaxed,
            Summary = decision.Summary.Length > 1000 ? decision.Summary[..1000] : decision.Summary,
            CandidatesJson = JsonSerializer.Serialize(decision.Candidates, WorkJson.Options),
        };
    }

    public RoutingDecision ToDecision() => new(Strategy, ChosenAgentId, Summary, SkillsRelaxed,
        JsonSerializer.Deserialize<List<CandidateVerdict>>(CandidatesJson, WorkJson.Options) ?? [], DecidedAt);
}
