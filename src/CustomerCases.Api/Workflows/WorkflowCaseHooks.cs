using System.Globalization;
using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Cases;
using CustomerCases.Api.Jobs;
using CustomerCases.Domain.Cases;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Triage;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Api.Workflows;

/// <summary>
/// Case events as workflow stimuli, inside the case's own transaction: a new case starts every published workflow
/// whose CaseCreated trigger matches (correlation id = case id); a customer message resumes workflows waiting for it.
/// A case whose triage is still to be refined (second stage, <see cref="Triage.TriageRefinementWorker"/>) starts its
/// workflows when the refinement is applied, in that transaction: CaseCreated conditions route on the final triage,
/// not on the intake model's first guess.
/// </summary>
internal sealed class WorkflowCaseHooks(WorkflowRuntime runtime, WorkflowTimerScheduler timers, AfterCommit afterCommit, CustomerCasesDbContext db)
    : ICaseIntakeStep, ICaseMessageObserver
{
    public async Task OnCaseOpeningAsync(Case @case, CaseIntake.Command command, CancellationToken ct)
    {
        // The triage step runs first (registered first) and stages the refinement row in this same unit of work.
        if (db.Tracked<TriageRefinementRecord>().Any(r => r.CaseId == @case.Id))
        {
            return;
        }

        await StartCaseWorkflowsAsync(@case.Id, ct);
    }

    /// <summary>Starts the workflows whose CaseCreated trigger matches the case as it is now (intake, or final triage).</summary>
    public async Task StartCaseWorkflowsAsync(Guid caseId, CancellationToken ct)
    {
        var id = caseId.ToString();
        await runtime.TriggerAsync(Stimuli.CaseCreated(), id, new JsonObject { ["caseId"] = id }, ct);
        ScheduleTimersAfterCommit();
    }

    public async Task OnMessageAddedAsync(Case @case, CaseMessage message, CancellationToken ct)
    {
        if (message.Kind != MessageKind.CustomerMessage)
        {
            return;
        }

        var input = new JsonObject
        {
            ["messageId"] = message.Id.ToString(),
            ["body"] = message.Body,
            ["text"] = message.Body,
            ["createdAt"] = message.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        await runtime.ResumeAsync(Stimuli.CustomerReplied(@case.Id), @case.Id.ToString(), null, input, ct, queueIfUnmatched: false);
        ScheduleTimersAfterCommit();
    }

    private void ScheduleTimersAfterCommit()
    {
        var pending = runtime.TakePendingTimers();
        if (pending.Count > 0)
        {
            afterCommit.Add(_ => timers.Schedule(pending));
        }
    }
}
