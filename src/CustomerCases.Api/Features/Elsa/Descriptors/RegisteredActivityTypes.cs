using System.Reflection;
using CustomerCases.Workflows.Runtime;

namespace CustomerCases.Api.Features.Elsa.Descriptors;

/// <summary>
/// The activity types the engine actually runs. The engine keeps its registry internal, so it is read here once by
/// reflection from the registered <c>ActivityRegistry</c> singleton (its public <c>Types</c>). If the engine renames
/// it, this fails loudly at the first descriptor request and in the catalogue test — not silently.
/// </summary>
internal static class RegisteredActivityTypes
{
    private const string RegistryTypeName = "CustomerCases.Workflows.Activities.ActivityRegistry";

    public static IReadOnlyCollection<string> From(IServiceProvider services)
    {
        var registryType = typeof(WorkflowEngine).Assembly.GetType(RegistryTypeName, throwOnError: true)!;
        var registry = services.GetRequiredService(registryType);
        var types = registryType.GetProperty("Types", BindingFlags.Public | BindingFlags.Instance)?.GetValue(registry) as IReadOnlyCollection<string>;
        return types ?? throw new InvalidOperationException($"{RegistryTypeName}.Types is not readable: update {nameof(RegisteredActivityTypes)}.");
    }
}
