using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary>
/// <c>CustomerCases.CaseCreated</c>: trigger fired when a case is created (the case id is the correlation id). An
/// optional JavaScript <c>condition</c> over <c>getCase()</c> declines the start when false.
/// </summary>
internal sealed class CaseCreatedActivity : IActivity, ITriggerActivity
{
    public string Type => "CustomerCases.CaseCreated";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.IsTriggerOfWorkflow && context.Activity.GetInput("condition") is not null
            && !await context.EvaluateBooleanAsync("condition"))
            context.DeclineTrigger();
        return ActivityResult.Done;
    }

    public IEnumerable<Stimulus> GetTriggerStimuli(ActivityDefinition activity) => [Stimuli.CaseCreated()];
}
