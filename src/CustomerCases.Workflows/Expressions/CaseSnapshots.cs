using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CustomerCases.Workflows.Ports;
using CustomerCases.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Workflows.Expressions;

/// <summary>Loads the case snapshot for <c>getCase()</c> once per execution, as plain JSON with camelCase keys.</summary>
internal static class CaseSnapshots
{
    private static readonly JsonSerializerOptions CamelCase = new(JsonSerializerDefaults.Web)
    {
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
    };

    public static async ValueTask EnsureLoadedAsync(WorkflowExecution execution)
    {
        if (execution.CaseSnapshotLoaded) return;
        execution.CaseSnapshotLoaded = true;
        var gateway = execution.Services.Services.GetService<ICaseActivityGateway>();
        if (gateway is null || !Guid.TryParse(execution.State.CorrelationId, CultureInfo.InvariantCulture, out var caseId)) return;
        var snapshot = await gateway.GetCaseAsync(caseId, execution.CancellationToken);
        execution.CaseSnapshot = snapshot is null ? null : ToJson(snapshot);
    }

    /// <summary>Case updates made by this run must show in later <c>getCase()</c> calls.</summary>
    public static void Invalidate(WorkflowExecution execution)
    {
        execution.CaseSnapshotLoaded = false;
        execution.CaseSnapshot = null;
    }

    private static JsonObject? ToJson(IReadOnlyDictionary<string, object?> snapshot) =>
        JsonSerializer.SerializeToNode(snapshot, CamelCase) as JsonObject;
}
