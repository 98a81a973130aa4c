using CustomerCases.Domain.Cases;

namespace CustomerCases.Api.Features.Elsa.Descriptors;

/// <summary>
/// A hand-written descriptor per activity type the engine runs. The engine keeps no metadata (inputs are read by name
/// at run time), so this catalogue is the designer's source; a test fails when a registered type has no entry here.
/// Input names, ports and outputs follow workflows/README.md, the engine's vocabulary.
/// </summary>
internal static class ActivityCatalog
{
    private static readonly string[] Done = ["Done"];
    private static readonly string[] None = [];

    public static IReadOnlyDictionary<string, ActivityEntry> Entries { get; } = Build().ToDictionary(e => e.Type, StringComparer.Ordinal);

    private static IEnumerable<ActivityEntry> Build()
    {
        // Flow and core
        yield return new("Elsa.Flowchart", "Flow", "Flowchart", "A graph of activities connected by outcome ports; the root of every workflow.", [], [], Done, IsContainer: true, IsBrowsable: false);
        yield return new("Elsa.Start", "Flow", "Start", "Entry point when no trigger started the workflow.", [], [], Done);
        yield return new("Elsa.End", "Flow", "End", "Completes the enclosing flowchart at once, cancelling its other branches.", [], [], None, IsTerminal: true);
        yield return new("Elsa.Complete", "Flow", "Complete", "Completes the enclosing (nested) flowchart with the given outcomes.",
            [In("Outcomes", "String[]", "outcome-picker", "Outcomes the flowchart completes with.")], [], None, IsTerminal: true);
        yield return new("Elsa.Finish", "Flow", "Finish", "Ends the workflow: clears all pending work and bookmarks.", [], [], None, IsTerminal: true);
        yield return new("Elsa.WriteLine", "Primitives", "Write Line", "Writes a line of text to the journal (payload text) and the log.",
            [In("Text", "String", "singleline", "The text to write.")], [], Done);
        yield return new("Elsa.RunJavaScript", "Scripting", "Run JavaScript", "Runs a JavaScript script in the sandbox; its result is the activity's output.",
            [In("Script", "String", "code-editor", "The script to run.", defaultSyntax: "JavaScript")], [Out("Result", "Object", "The script's result.")], Done);
        yield return new("Elsa.SetVariable", "Primitives", "Set Variable", "Assigns a value to a workflow variable, coerced to its declared type.",
            [In("Variable", "Variable", "variable-picker", "The variable to assign.", isWrapped: false), In("Value", "Object", "singleline", "The value to assign.")], [], Done);
        yield return new("Elsa.SetName", "Primitives", "Set Name", "Sets the name of the workflow instance.",
            [In("Value", "String", "singleline", "The instance name.")], [], Done);
        yield return new("Elsa.Correlate", "Primitives", "Correlate", "Sets the correlation id of the instance (for case workflows: the case id).",
            [In("CorrelationId", "String", "singleline", "The correlation id.")], [], Done);
        yield return new("Elsa.SetOutput", "Primitives", "Set Output", "Sets a workflow output (returned to a waiting parent workflow).",
            [In("OutputName", "String", "singleline", "The output name."), In("OutputValue", "Object", "singleline", "The output value.")], [], Done);
        yield return new("Elsa.FlowDecision", "Branching", "Decision", "Evaluates a condition and continues on True or False.",
            [In("Condition", "Boolean", "singleline", "The condition to evaluate.", defaultSyntax: "JavaScript")], [], ["True", "False"]);
        yield return new("Elsa.FlowSwitch", "Branching", "Switch", "Continues on the label of the first matching case (MatchAny: every matching case), else Default.",
            [In("Cases", "Object", "flow-switch-editor", "Cases of label and condition.", isWrapped: false),
             In("Mode", "String", "dropdown", "MatchFirst or MatchAny.", options: ["MatchFirst", "MatchAny"])], [], ["Default"]);
        yield return new("Elsa.FlowFork", "Branching", "Fork", "Continues on every named branch at once.",
            [In("Branches", "String[]", "dynamic-outcomes", "The branch names (one port each).")], [], None);
        yield return new("Elsa.FlowJoin", "Branching", "Join", "Merges branches: WaitAny (first wins, others cancelled), WaitAll, WaitAllActive.",
            [In("Mode", "String", "dropdown", "The join mode.", options: ["WaitAny", "WaitAll", "WaitAllActive"])], [], Done);
        yield return new("Elsa.Fault", "Primitives", "Fault", "Raises an incident on purpose; the workflow ends Faulted under the default strategy.",
            [In("Code", "String", "singleline", "Fault code."), In("Category", "String", "singleline", "Fault category."), In("Message", "String", "multiline", "Fault message.")], [], None, IsTerminal: true);

        // Scheduling
        yield return new("Elsa.Delay", "Scheduling", "Delay", "Waits for a duration; a durable timer row wakes the workflow.",
            [In("TimeSpan", "TimeSpan", "singleline", "How long to wait, e.g. 00:10:00.")], [], Done);
        yield return new("Elsa.Timer", "Scheduling", "Timer", "Trigger: starts the workflow every interval. Inside an instance: waits one interval.",
            [In("Interval", "TimeSpan", "singleline", "The interval, e.g. 01:00:00.")], [], Done, IsTrigger: true);
        yield return new("Elsa.StartAt", "Scheduling", "Start At", "Trigger once at a moment; inside an instance waits until then (continues at once if past).",
            [In("DateTime", "DateTimeOffset", "datetime-picker", "The moment (ISO 8601).")], [], Done, IsTrigger: true);
        yield return new("Elsa.Cron", "Scheduling", "Cron", "Trigger on a 6-field cron expression (seconds first, UTC); inside an instance waits for the next occurrence.",
            [In("CronExpression", "String", "singleline", "e.g. 0 0 9 * * MON-FRI.")], [], Done, IsTrigger: true);

        // Runtime
        yield return new("Elsa.Event", "Runtime", "Event", "Waits for a named event (POST /elsa/api/events/{name}/trigger); as a trigger, starts workflows.",
            [In("EventName", "String", "singleline", "The event name.")], [Out("Result", "Object", "The event payload.")], Done, IsTrigger: true);
        yield return new("Elsa.PublishEvent", "Runtime", "Publish Event", "Publishes an event that resumes or starts Event listeners (this instance only when local).",
            [In("EventName", "String", "singleline", "The event name."), In("CorrelationId", "String", "singleline", "Only listeners with this correlation id."),
             In("IsLocalEvent", "Boolean", "checkbox", "Deliver to this instance only."), In("Payload", "Object", "json-editor", "The event payload.")], [], Done);
        yield return new("Elsa.RunTask", "Runtime", "Run Task", "Requests an external or human task and waits until POST /elsa/api/tasks/{taskId}/complete.",
            [In("TaskName", "String", "singleline", "The task name."), In("Payload", "Object", "json-editor", "Data for whoever does the task.")],
            [Out("TaskId", "String", "The id to complete the task with."), Out("Result", "Object", "The result given on completion.")], Done);
        yield return new("Elsa.DispatchWorkflow", "Composition", "Dispatch Workflow", "Starts a child workflow; waits for it only with Wait For Completion.",
            ChildWorkflowInputs(), ChildWorkflowOutputs(), Done);
        yield return new("Elsa.ExecuteWorkflow", "Composition", "Execute Workflow", "Starts a child workflow and waits for it; Result is the child's output.",
            ChildWorkflowInputs(), ChildWorkflowOutputs(), Done);

        // HTTP
        yield return new("Elsa.HttpEndpoint", "HTTP", "HTTP Endpoint", "Trigger or wait on a request to /workflows/{path} with one of the methods.",
            [In("Path", "String", "singleline", "The path under /workflows, e.g. orders/new."),
             In("SupportedMethods", "String[]", "checklist", "Accepted methods (GET when none).", options: ["GET", "POST", "PUT", "PATCH", "DELETE"])],
            [Out("ParsedContent", "Object", "The request body (parsed JSON when JSON)."), Out("QueryStringData", "Object", "The query string."),
             Out("RouteData", "Object", "Route values."), Out("Headers", "Object", "The request headers.")], Done, IsTrigger: true);
        yield return new("Elsa.WriteHttpResponse", "HTTP", "HTTP Response", "Writes the response to the request that triggered or resumed this run.",
            [In("StatusCode", "String", "singleline", "Status code or name, e.g. 200 or OK."), In("Content", "Object", "multiline", "The response body."),
             In("ContentType", "String", "singleline", "Content type (JSON bodies default to application/json).")], [], Done);
        yield return new("Elsa.SendHttpRequest", "HTTP", "Send HTTP Request", "Calls a URL on an allowed host.", HttpRequestInputs(false), HttpRequestOutputs(), Done);
        yield return new("Elsa.FlowSendHttpRequest", "HTTP", "HTTP Request (flow)", "Calls a URL on an allowed host; one outcome per expected status code.",
            HttpRequestInputs(true), HttpRequestOutputs(), ["Unmatched status code"]);

        // Case management
        yield return new("CustomerCases.CaseCreated", "Cases", "Case Created", "Trigger on case creation (the case id becomes the correlation id); a false condition declines the start.",
            [In("Condition", "Boolean", "singleline", "JavaScript over getCase(); empty means always.", defaultSyntax: "JavaScript")], [], Done, IsTrigger: true);
        yield return new("CustomerCases.UpdateCase", "Cases", "Update Case", "Changes the case's status, priority, category, queue or tags (the domain's names).",
            [In("Status", "String", "dropdown", "New status.", options: Enum.GetNames<CaseStatus>()),
             In("Priority", "String", "dropdown", "New priority.", options: Enum.GetNames<CasePriority>()),
             In("Category", "String", "singleline", "New category."), In("Queue", "String", "singleline", "New queue."), In("Tags", "String[]", "multitext", "Tags to add.")], [], Done);
        yield return new("CustomerCases.AddCaseMessage", "Cases", "Add Case Message", "Adds a public reply or an internal note to the case.",
            [In("Kind", "String", "dropdown", "PublicReply or InternalNote.", options: ["PublicReply", "InternalNote"]), In("Text", "String", "multiline", "The message.")], [], Done);
        yield return new("CustomerCases.WaitForCustomer", "Cases", "Wait For Customer", "Waits for the customer's reply on the case, optionally up to a timeout.",
            [In("Timeout", "TimeSpan", "singleline", "Optional timeout, e.g. 7.00:00:00.")], [Out("Result", "Object", "The customer's message.")], ["Replied", "Timeout"]);
        yield return new("CustomerCases.HumanTask", "Cases", "Human Task",
            "Creates a task for an agent (queue, skills, optional assignee, form, due) and waits; continues on the outcome the agent chooses.",
            [In("Title", "String", "singleline", "What the agent must do."), In("Instructions", "String", "multiline", "How to do it."),
                In("Queue", "String", "singleline", "The queue the task is routed in."), In("Skills", "Object", "json-editor", "Required skills, e.g. [\"refunds\"]."),
                In("Assignee", "String", "singleline", "An agent to give the task to directly (optional)."),
                In("Outcomes", "Object", "json-editor", "The outcomes (ports), e.g. [\"Approve\",\"Reject\"]."),
                In("Form", "Object", "json-editor", "Form fields: [{\"name\",\"type\",\"label\",\"required\"}]."),
                In("Priority", "String", "dropdown", "Task priority (default: the case's).", options: ["Low", "Normal", "High", "Urgent"]),
                In("Due", "TimeSpan", "singleline", "Due after this duration, e.g. 04:00:00.")],
            [Out("Outcome", "String", "The chosen outcome."), Out("Data", "Object", "The form data."), Out("CompletedBy", "String", "Who completed it.")],
            ["Done"]);
        yield return new("CustomerCases.WaitForSla", "Cases", "Wait For SLA", "Waits until an SLA target of the case reaches its warning threshold or is breached.",
            [In("Metric", "String", "dropdown", "FirstResponse, NextReply or Resolution (empty: any).", options: ["", "FirstResponse", "NextReply", "Resolution"])],
            [Out("Result", "Object", "The SLA event.")], ["Warning", "Breached"]);
        yield return new("CustomerCases.Escalate", "Cases", "Escalate",
            "Raises the priority, moves the case to an escalation queue or a named manager, increments the escalation level, adds an internal note and records why.",
            [In("RaisePriority", "Boolean", "checkbox", "Raise the priority one step (default true)."), In("Queue", "String", "singleline", "Escalation queue."),
                In("Assignee", "String", "singleline", "A named manager."), In("Reason", "String", "multiline", "Why (goes to the note and the history).")],
            [], Done);
        yield return new("CustomerCases.CloseCase", "Cases", "Close Case", "Closes the case with an optional resolution note.",
            [In("Resolution", "String", "multiline", "The resolution.")], [], Done);
    }

    private static InputEntry[] ChildWorkflowInputs() =>
    [
        In("WorkflowDefinitionId", "String", "workflow-definition-picker", "The child workflow's definition id (its published version runs)."),
        In("Input", "Object", "json-editor", "The child's input."),
        In("CorrelationId", "String", "singleline", "The child's correlation id (default: this instance's)."),
        In("WaitForCompletion", "Boolean", "checkbox", "Wait until the child finishes."),
    ];

    private static OutputEntry[] ChildWorkflowOutputs() =>
        [Out("WorkflowInstanceId", "String", "The child instance id."), Out("Result", "Object", "The child's output when waited for.")];

    private static InputEntry[] HttpRequestInputs(bool flow) =>
    [
        In("Url", "String", "singleline", "The URL; its host must be allowed (Workflows:AllowedHttpHosts)."),
        In("Method", "String", "dropdown", "The method.", options: ["GET", "POST", "PUT", "PATCH", "DELETE"]),
        In("Content", "Object", "multiline", "The request body."),
        In("ContentType", "String", "singleline", "The body's content type."),
        In("RequestHeaders", "Object", "json-editor", "Extra headers."),
        .. flow ? [In("ExpectedStatusCodes", "String[]", "multitext", "Status codes that get their own outcome port.")] : Array.Empty<InputEntry>(),
    ];

    private static OutputEntry[] HttpRequestOutputs() =>
        [Out("StatusCode", "Int32", "The response status."), Out("ResponseHeaders", "Object", "The response headers."), Out("ParsedContent", "Object", "The response body (parsed JSON when JSON).")];

    private static InputEntry In(string name, string typeName, string uiHint, string description, string defaultSyntax = "Literal",
        IReadOnlyList<string>? options = null, bool isWrapped = true) =>
        new(name, typeName, uiHint, description, defaultSyntax, options, isWrapped);

    private static OutputEntry Out(string name, string typeName, string description) => new(name, typeName, description);
}
