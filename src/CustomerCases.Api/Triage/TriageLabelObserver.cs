using CustomerCases.Api.Features.Cases;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Triage;

namespace CustomerCases.Api.Triage;

/// <summary>A person setting a case's category or priority labels its text: the retraining job learns from it.</summary>
internal sealed class TriageLabelObserver(CustomerCasesDbContext db, TimeProvider time) : ICaseChangeObserver
{
    public Task OnCaseChangedAsync(Case @case, string? categoryBefore, CasePriority priorityBefore, Actor actor, CancellationToken ct)
    {
        if (actor.Kind != ActorKind.User)
        {
            return Task.CompletedTask;
        }

        var categoryChanged = @case.Category is not null && @case.Category != categoryBefore;
        var priorityChanged = @case.Priority != priorityBefore;
        if (categoryChanged || priorityChanged)
        {
            Record(db, time, @case, actor, categoryChanged ? @case.Category : null, priorityChanged ? @case.Priority.ToString() : null, "correction");
        }

        return Task.CompletedTask;
    }

    public static void Record(CustomerCasesDbContext db, TimeProvider time, Case @case, Actor actor, string? category, string? priority, string kind) =>
        db.TriageLabels.Add(new TriageLabelRecord
        {
            CaseId = @case.Id,
            Text = CustomerCases.Classification.Training.TextComposer.Compose(@case.Subject, @case.Description),
            Category = category,
            Priority = priority,
            LabelledBy = actor.Id,
            Kind = kind,
            CreatedAt = time.GetUtcNow(),
        });
}
