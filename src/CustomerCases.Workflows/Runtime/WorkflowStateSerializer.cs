using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCases.Workflows.Runtime;

/// <summary>The one JSON form of <see cref="WorkflowState"/> (camelCase, enums as strings), for the host's state column.</summary>
public static class WorkflowStateSerializer
{
    /// <summary>Options used for state and result payloads.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Serialises a state.</summary>
    public static string Serialize(WorkflowState state) => JsonSerializer.Serialize(state, Options);

    /// <summary>Reads a state, refusing shapes newer than this engine understands.</summary>
    public static WorkflowState Deserialize(string json)
    {
        var state = JsonSerializer.Deserialize<WorkflowState>(json, Options)
            ?? throw new JsonException("The workflow state is empty.");
        if (state.SchemaVersion > WorkflowState.CurrentSchemaVersion)
            throw new JsonException($"Workflow state schema version {state.SchemaVersion} is newer than supported ({WorkflowState.CurrentSchemaVersion}).");
        return state;
    }

    /// <summary>A deep copy, so an execution never changes the caller's object.</summary>
    public static WorkflowState Clone(WorkflowState state) => Deserialize(Serialize(state));
}
