using System.Globalization;
using System.Text.Json.Nodes;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Work;
using CustomerCases.Workflows.Expressions;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Workflows.Activities;

/// <summary>
/// <c>CustomerCases.HumanTask</c>: asks people to do something. Creates a bookmark and a task request (the host stores
/// the task in the same transaction) and waits; completing the task resumes it on the chosen outcome port, with outputs
/// <c>Outcome</c>, <c>Data</c> (the form) and <c>CompletedBy</c>. Output <c>TaskId</c> is set at once.
/// Inputs: <c>title</c>, <c>instructions</c>, <c>queue</c>, <c>skills</c>, <c>assignee</c> (a member of the queue, by name or id), <c>outcomes</c>,
/// <c>form</c> (<c>[{name, type, required, label, min, max, options}]</c> or <c>{name: {type, required, …}}</c>), <c>priority</c>, <c>due</c> (a duration).
/// </summary>
internal sealed class HumanTaskActivity : IActivity
{
    public string Type => HumanTaskContract.ActivityType;

    public IReadOnlyList<string> RequiredInputs => ["title", "queue"];

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var title = await context.EvaluateStringAsync("title");
        if (string.IsNullOrWhiteSpace(title)) throw new WorkflowFaultException("HumanTask needs a title.");
        var queue = await context.EvaluateStringAsync("queue");
        var assignee = await context.EvaluateStringAsync("assignee");
        if (string.IsNullOrWhiteSpace(queue)) throw new WorkflowFaultException("HumanTask needs a queue.");

        var payload = new JsonObject
        {
            ["title"] = title.Trim(),
            ["instructions"] = await context.EvaluateStringAsync("instructions"),
            ["queue"] = queue.Trim(),
            ["skills"] = ToArray(JsonValues.AsStringList(await context.EvaluateAsync("skills"))),
            ["assignee"] = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim(),
            ["outcomes"] = ToArray(await OutcomesAsync(context)),
            ["form"] = await FormAsync(context),
            ["priority"] = await PriorityAsync(context),
            ["dueAt"] = await DueAtAsync(context),
        };

        var taskId = WorkflowExecution.NewId();
        var bookmark = context.CreateBookmark(HumanTaskContract.BookmarkName, new JsonObject { ["taskId"] = taskId });
        context.Execution.TaskRequests.Add(new TaskRequest(taskId, title.Trim(), payload, context.State.InstanceId, bookmark.Id));
        context.SetOutput("TaskId", JsonValue.Create(taskId));
        return ActivityResult.Suspended;
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context)
    {
        var outcome = JsonValues.AsString(context.Input?[HumanTaskContract.OutcomeInput]);
        if (string.IsNullOrWhiteSpace(outcome)) throw new WorkflowFaultException("A human task was resumed without an outcome.");
        context.SetOutput("Outcome", JsonValue.Create(outcome));
        context.SetOutput("Data", context.Input?[HumanTaskContract.DataInput]?.DeepClone() ?? new JsonObject());
        context.SetOutput("CompletedBy", context.Input?[HumanTaskContract.CompletedByInput]?.DeepClone());
        return ValueTask.FromResult(ActivityResult.Completed(outcome));
    }

    private static async ValueTask<IReadOnlyList<string>> OutcomesAsync(ActivityContext context)
    {
        var outcomes = JsonValues.AsStringList(await context.EvaluateAsync("outcomes")).Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().ToList();
        return outcomes.Count > 0 ? outcomes : [HumanTask.DefaultOutcome];
    }

    private static async ValueTask<JsonArray> FormAsync(ActivityContext context)
    {
        var value = await context.EvaluateAsync("form");
        if (value is JsonValue text && text.TryGetValue<string>(out var s)) value = JsonValues.ParseEmbedded(s);
        var fields = new JsonArray();
        IEnumerable<(string? Name, JsonNode? Spec)> entries = value switch
        {
            null => [],
            JsonArray array => array.Select(f => (JsonValues.AsString(f?["name"]), f)),
            JsonObject map => map.Select(p => ((string?)p.Key, p.Value)),
            _ => throw new WorkflowFaultException("HumanTask's form must be an array of {name, type, required} or an object of fields."),
        };
        foreach (var (name, spec) in entries)
        {
            var type = (JsonValues.AsString(spec?["type"]) ?? TaskFormField.Text).Trim().ToLowerInvariant();
            if (string.IsNullOrWhiteSpace(name)) throw new WorkflowFaultException("Every HumanTask form field needs a name.");
            if (!TaskFormField.IsKnownType(type))
                throw new WorkflowFaultException($"Form field '{name}' has type '{type}'; use one of {string.Join(", ", TaskFormField.Types)}.");
            var field = new JsonObject
            {
                ["name"] = name,
                ["type"] = type,
                ["required"] = JsonValues.AsBoolean(spec?["required"]),
                ["label"] = JsonValues.AsString(spec?["label"]),
            };
            AddConstraints(field, name, type, spec);
            fields.Add(field);
        }

        return fields;
    }

    /// <summary>Bounds of a number (<c>min</c>, <c>max</c>) and the choices of a text (<c>options</c>); a designer's mistake faults the activity.</summary>
    private static void AddConstraints(JsonObject field, string name, string type, JsonNode? spec)
    {
        var min = Bound(spec?["min"], name, "min");
        var max = Bound(spec?["max"], name, "max");
        if ((min is not null || max is not null) && type != TaskFormField.Number)
            throw new WorkflowFaultException($"Form field '{name}' has min/max, which only a number field can have.");
        if (min > max) throw new WorkflowFaultException($"Form field '{name}' has min {min} above max {max}.");
        if (min is not null) field["min"] = min;
        if (max is not null) field["max"] = max;

        if (spec?["options"] is not { } given) return;
        var options = JsonValues.AsStringList(given).Select(o => o.Trim()).Where(o => o.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (type != TaskFormField.Text || options.Count == 0)
            throw new WorkflowFaultException($"Form field '{name}' has options; only a text field can have them, and at least one.");
        field["options"] = new JsonArray(options.Select(o => (JsonNode?)o).ToArray());
    }

    private static double? Bound(JsonNode? value, string field, string which)
    {
        if (value is null) return null;
        // A number or a number written as text; JsonValues.AsDouble would also read true/false as 1/0, not a bound.
        var isBoolean = value is JsonValue v && v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False;
        return !isBoolean && JsonValues.AsDouble(value) is { } bound && double.IsFinite(bound)
            ? bound
            : throw new WorkflowFaultException($"Form field '{field}' has {which} '{value.ToJsonString()}', which is not a number.");
    }

    private static async ValueTask<string?> PriorityAsync(ActivityContext context)
    {
        var text = await context.EvaluateStringAsync("priority");
        if (string.IsNullOrWhiteSpace(text)) return null; // the host takes the case's priority
        return Enum.TryParse<CasePriority>(text.Trim(), ignoreCase: true, out var p) && !int.TryParse(text, out _)
            ? p.ToString()
            : throw new WorkflowFaultException($"HumanTask priority '{text}' is not one of {string.Join(", ", Enum.GetNames<CasePriority>())}.");
    }

    private static async ValueTask<string?> DueAtAsync(ActivityContext context)
    {
        if (context.Activity.GetInput("due") is null) return null;
        var due = await context.EvaluateTimeSpanAsync("due");
        if (due is not { } span || span <= TimeSpan.Zero) throw new WorkflowFaultException("HumanTask's due must be a positive duration, e.g. \"1.00:00:00\" or \"PT4H\".");
        return (context.Now + span).ToString("O", CultureInfo.InvariantCulture);
    }

    private static JsonArray ToArray(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
