using System.Globalization;
using System.Text.Json;
using CustomerCases.Api.Features.Cases;
using CustomerCases.Classification;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Triage;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Triage;

/// <summary>
/// Classifies a new case before its workflows start, so their conditions can use the prediction. Per label set:
/// auto-apply writes the field (attributed to the model version, with its confidence), suggest only records the
/// suggestion, and a category the model is unsure of sends the case to the triage queue for a person. Values the
/// customer gave explicitly are never overwritten. When the active model has an embedding refinement, a pending
/// refinement row joins the intake transaction and the worker is nudged after the commit: intake itself never waits
/// for the (milliseconds-slow) embedder, and a crash after the commit loses nothing.
/// </summary>
internal sealed class TriageIntakeStep(ICaseClassifier classifier, ICaseRefiner refiner, CustomerCasesDbContext db, IOptions<TriageOptions> options,
    TimeProvider time, Workflows.AfterCommit afterCommit, TriageRefinementSignal refinementSignal) : ICaseIntakeStep
{
    public Task OnCaseOpeningAsync(Case @case, CaseIntake.Command command, CancellationToken ct)
    {
        var result = classifier.Classify(@case.Subject, @case.Description);
        var category = result.For("category");
        var priority = result.For("priority");
        var now = time.GetUtcNow();
        var actor = Actor.Model(result.ModelVersion ?? "none");

        if (!command.ExplicitCategory)
        {
            if (category is { Decision: TriageDecision.AutoApply, Label: { } label })
            {
                @case.Categorise(label, actor, now, Reason(category));
            }
            else if (category.Decision == TriageDecision.NeedsHuman)
            {
                @case.MoveToQueue(options.Value.TriageQueue, actor, now, "category uncertain: " + Reason(category));
            }
        }

        if (!command.ExplicitPriority && priority is { Decision: TriageDecision.AutoApply, Label: { } p }
            && Enum.TryParse<CasePriority>(p, ignoreCase: true, out var parsed))
        {
            @case.ChangePriority(parsed, actor, now, Reason(priority));
        }

        db.CaseTriage.Add(new CaseTriageRecord
        {
            CaseId = @case.Id,
            ModelVersion = result.ModelVersion,
            Category = category.Label,
            CategoryConfidence = category.Probability,
            CategoryDecision = category.Decision.ToString(),
            CategoryTopJson = JsonSerializer.Serialize(category.Top, TriageModelStore.ReportJson),
            Priority = priority.Label,
            PriorityConfidence = priority.Probability,
            PriorityDecision = priority.Decision.ToString(),
            PriorityTopJson = JsonSerializer.Serialize(priority.Top, TriageModelStore.ReportJson),
            CreatedAt = now,
        });

        if (refiner.CanRefine && (!command.ExplicitCategory || !command.ExplicitPriority))
        {
            db.TriageRefinements.Add(new TriageRefinementRecord
            {
                CaseId = @case.Id,
                ModelVersion = result.ModelVersion ?? "none",
                RefineCategory = !command.ExplicitCategory,
                RefinePriority = !command.ExplicitPriority,
                EnqueuedAt = now,
            });
            afterCommit.Add(_ =>
            {
                refinementSignal.Notify();
                return Task.CompletedTask;
            });
        }

        return Task.CompletedTask;
    }

    private static string Reason(LabelPrediction p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.LabelSet} '{p.Label}' with confidence {p.Probability:0.000} ({p.Decision})");
}
