using CustomerCases.Api.Features.Elsa.Shared;

namespace CustomerCases.Api.Features.Elsa.Descriptors;

/// <summary>
/// The small descriptor lists Studio loads at start, with our real values: the expression languages the engine runs
/// (Literal, Object, JSON, Variable, JavaScript — C#, Python and Liquid are refused by validation), the variable types
/// it coerces to, one storage driver (variables live in the instance state), both incident strategies, and the
/// activation and log-persistence strategies Studio offers. Commit strategies: none — every execution commits in one
/// transaction, so there is nothing to choose.
/// </summary>
internal static class StaticDescriptors
{
    internal sealed record Expression(string Type, string DisplayName, bool IsSerializable, bool IsBrowsable, IReadOnlyDictionary<string, object> Properties);

    internal sealed record VariableType(string TypeName, string DisplayName, string Category, string? Description);

    internal sealed record StorageDriver(string TypeName, string DisplayName, int Priority, bool Deprecated);

    internal sealed record Strategy(string TypeName, string DisplayName, string Description);

    internal sealed record CommitStrategy(string Name, string DisplayName, string Description);

    private static readonly Expression[] Expressions =
    [
        new("Literal", "Literal", true, true, new Dictionary<string, object>()),
        new("Object", "Object", true, true, new Dictionary<string, object>()),
        new("Json", "JSON", true, false, new Dictionary<string, object>()),
        new("Variable", "Variable", true, false, new Dictionary<string, object>()),
        new("JavaScript", "JavaScript", true, true, new Dictionary<string, object> { ["MonacoLanguage"] = "javascript" }),
    ];

    private static readonly VariableType[] VariableTypes =
    [
        new("Object", "Object", "Primitives", "Any JSON value."),
        new("String", "String", "Primitives", null),
        new("Boolean", "Boolean", "Primitives", null),
        new("Int32", "Int32", "Primitives", null),
        new("Int64", "Int64", "Primitives", null),
        new("Double", "Double", "Primitives", null),
        new("Decimal", "Decimal", "Primitives", null),
        new("DateTimeOffset", "DateTimeOffset", "Primitives", null),
        new("TimeSpan", "TimeSpan", "Primitives", null),
        new("Guid", "Guid", "Primitives", null),
        new("JsonObject", "JsonObject", "Dynamic", null),
    ];

    private static readonly StorageDriver[] StorageDrivers =
    [
        new("Elsa.Workflows.WorkflowStorageDriver, Elsa.Workflows.Core", "Workflow", 0, false),
    ];

    private static readonly Strategy[] IncidentStrategies =
    [
        new("Elsa.Workflows.IncidentStrategies.FaultStrategy, Elsa.Workflows.Core", "Fault", "The workflow ends Faulted at the first incident (default)."),
        new("Elsa.Workflows.IncidentStrategies.ContinueWithIncidentsStrategy, Elsa.Workflows.Core", "Continue with incidents", "Other branches keep running after an incident."),
    ];

    private static readonly Strategy[] ActivationStrategies =
    [
        new("Elsa.Workflows.Runtime.ActivationValidators.AllowAlwaysStrategy, Elsa.Workflows.Runtime", "Always", "Every trigger starts a new instance."),
    ];

    private static readonly Strategy[] LogPersistenceStrategies =
    [
        new("Elsa.Workflows.LogPersistence.Strategies.Include, Elsa.Workflows.Core", "Include", "Journal entries keep their payload."),
    ];

    public static void Map(RouteGroupBuilder descriptors)
    {
        descriptors.MapGet("/expression-descriptors", () => Results.Ok(new ItemList<Expression>(Expressions)));
        descriptors.MapGet("/variables", () => Results.Ok(new ItemList<VariableType>(VariableTypes)));
        descriptors.MapGet("/storage-drivers", () => Results.Ok(new ItemList<StorageDriver>(StorageDrivers)));
        descriptors.MapGet("/incident-strategies", () => Results.Ok(new ItemList<Strategy>(IncidentStrategies)));
        descriptors.MapGet("/workflow-activation-strategies", () => Results.Ok(new ItemList<Strategy>(ActivationStrategies)));
        descriptors.MapGet("/log-persistence-strategies", () => Results.Ok(new ItemList<Strategy>(LogPersistenceStrategies)));
        descriptors.MapGet("/commit-strategies/workflows", () => Results.Ok(new ItemList<CommitStrategy>([])));
        descriptors.MapGet("/commit-strategies/activities", () => Results.Ok(new ItemList<CommitStrategy>([])));
    }
}
