namespace CustomerCases.Workflows.Activities;

/// <summary>Every activity shipped with the engine (stateless, so one instance each).</summary>
internal static class BuiltInActivities
{
    public static IReadOnlyList<IActivity> Create() =>
    [
        new StartActivity(), new EndActivity(), new CompleteActivity(), new FinishActivity(),
        new WriteLineActivity(), new SetVariableActivity(), new SetNameActivity(), new CorrelateActivity(), new SetOutputActivity(),
        new FlowDecisionActivity(), new FlowSwitchActivity(), new FlowForkActivity(), new FlowJoinActivity(), new FaultActivity(),
    ];
}
