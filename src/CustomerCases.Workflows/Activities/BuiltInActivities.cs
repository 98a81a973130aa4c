namespace CustomerCases.Workflows.Activities;

/// <summary>Every activity shipped with the engine (stateless, so one instance each).</summary>
internal static class BuiltInActivities
{
    public static IReadOnlyList<IActivity> Create() =>
    [
        // Flow and core
        new StartActivity(), new EndActivity(), new CompleteActivity(), new FinishActivity(),
        new WriteLineActivity(), new SetVariableActivity(), new SetNameActivity(), new CorrelateActivity(), new SetOutputActivity(),
        new FlowDecisionActivity(), new FlowSwitchActivity(), new FlowForkActivity(), new FlowJoinActivity(), new FaultActivity(),
        new RunJavaScriptActivity(),
        // Scheduling
        new DelayActivity(), new TimerActivity(), new StartAtActivity(), new CronActivity(),
        // Runtime
        new EventActivity(), new PublishEventActivity(), new RunTaskActivity(),
        new DispatchWorkflowActivity("Elsa.DispatchWorkflow", waitByDefault: false),
        new DispatchWorkflowActivity("Elsa.ExecuteWorkflow", waitByDefault: true),
        // HTTP
        new HttpEndpointActivity(), new WriteHttpResponseActivity(),
        new SendHttpRequestActivity("Elsa.SendHttpRequest", flow: false),
        new SendHttpRequestActivity("Elsa.FlowSendHttpRequest", flow: true),
        // Case management
        new CaseCreatedActivity(), new UpdateCaseActivity(), new AddCaseMessageActivity(), new WaitForCustomerActivity(), new CloseCaseActivity(),
        // SLA
        new WaitForSlaActivity(), new EscalateActivity(),
        new HumanTaskActivity(),
    ];
}
