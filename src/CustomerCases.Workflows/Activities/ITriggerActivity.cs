using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary>An activity that can start workflows (<c>canStartWorkflow</c>); it names the stimuli the host must index.</summary>
internal interface ITriggerActivity
{
    /// <summary>Stimuli that start the workflow, read from literal inputs (triggers are indexed without running anything).</summary>
    IEnumerable<Stimulus> GetTriggerStimuli(ActivityDefinition activity);
}
