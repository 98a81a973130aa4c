using System.Globalization;
using CustomerCases.Classification;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Persistence.Triage;

namespace CustomerCases.Api.Triage;

/// <summary>
/// Applies a case's refined triage (the final one): what a person set since intake is never overwritten, nor what the
/// customer gave explicitly. Category AutoApply writes the category and takes the case back out of the triage queue if
/// the intake model had put it there; NeedsHuman sends it to the triage queue; Suggest only records the suggestion.
/// Priority is written on AutoApply only. Every write is attributed to the model version, with the confidence.
/// </summary>
internal static class TriageRefinementApplier
{
    /// <summary>What people (not the model, not workflows) changed on the case since intake, and where the model moved it from.</summary>
    internal sealed record CaseState(bool PersonSetCategory, bool PersonSetPriority, bool PersonMovedQueue, string? QueueBeforeModel, bool ModelMovedToTriage);

    public static string Apply(Case @case, TriageRefinementRecord row, CaseClassification refined, CaseState state, string triageQueue, DateTimeOffset now)
    {
        var actor = Actor.Model(refined.ModelVersion ?? row.ModelVersion);
        var done = new List<string>();
        if (refined.Predictions.FirstOrDefault(p => p.LabelSet == "category") is { } category)
        {
            row.Category = category.Label;
            row.CategoryConfidence = category.Probability;
            row.CategoryDecision = category.Decision.ToString();
            if (row.RefineCategory && !state.PersonSetCategory)
            {
                ApplyCategory(@case, category, state, triageQueue, actor, now, done);
            }
        }

        if (refined.Predictions.FirstOrDefault(p => p.LabelSet == "priority") is { } priority)
        {
            row.Priority = priority.Label;
            row.PriorityConfidence = priority.Probability;
            row.PriorityDecision = priority.Decision.ToString();
            if (row.RefinePriority && !state.PersonSetPriority && priority is { Decision: TriageDecision.AutoApply, Label: { } p }
                && Enum.TryParse<CasePriority>(p, ignoreCase: true, out var parsed) && parsed != @case.Priority)
            {
                @case.ChangePriority(parsed, actor, now, Reason(priority));
                done.Add("priority " + parsed);
            }
        }

        return done.Count == 0 ? "unchanged" : "applied: " + string.Join(", ", done);
    }

    private static void ApplyCategory(Case @case, LabelPrediction category, CaseState state, string triageQueue, Actor actor, DateTimeOffset now, List<string> done)
    {
        switch (category)
        {
            case { Decision: TriageDecision.AutoApply, Label: { } label }:
                if (@case.Category != label)
                {
                    @case.Categorise(label, actor, now, Reason(category));
                    done.Add("category " + label);
                }
                if (state.ModelMovedToTriage && !state.PersonMovedQueue && @case.Queue == triageQueue)
                {
                    @case.MoveToQueue(state.QueueBeforeModel, actor, now, "category certain after refinement: " + Reason(category));
                    done.Add("left triage queue");
                }
                break;
            case { Decision: TriageDecision.NeedsHuman }:
                if (!state.PersonMovedQueue && @case.Queue != triageQueue)
                {
                    @case.MoveToQueue(triageQueue, actor, now, "category uncertain after refinement: " + Reason(category));
                    done.Add("to triage queue");
                }
                break;
        }
    }

    private static string Reason(LabelPrediction p) =>
        string.Create(CultureInfo.InvariantCulture, $"refined {p.LabelSet} '{p.Label}' with confidence {p.Probability:0.000} ({p.Decision})");
}
