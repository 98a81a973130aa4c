using System.Globalization;
using System.Text.Json.Nodes;
using CustomerCases.Api.Features.Cases;
using CustomerCases.Api.Jobs;
using CustomerCases.Domain.Cases;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Api.Workflows;

/// <summary>
/// Case events as workflow stimuli, inside the case's own transaction: a new case starts every published workflow
/// whose CaseCreated trigger matches (correlation id = case id); a customer message resumes workflows waiting for it.
/// </summary>
internal sealed class WorkflowCaseHooks(WorkflowRuntime runtime, WorkflowTimerScheduler timers, AfterCommit afterCommit) : ICaseIntakeStep, ICaseMessageObserver
{
    public async Task OnCaseOpeningAsync(Case @case, CaseIntake.Command command, CancellationToken ct)
    {
        var caseId = @case.Id.ToString();
        await runtime.TriggerAsync(Stimuli.CaseCreated(), caseId, new JsonObject { ["caseId"] = caseId }, ct);
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
