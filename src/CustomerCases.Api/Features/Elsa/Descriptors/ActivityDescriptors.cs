using CustomerCases.Api.Features.Elsa.Shared;

namespace CustomerCases.Api.Features.Elsa.Descriptors;

/// <summary>
/// GET /elsa/api/descriptors/activities — Elsa's <c>ActivityDescriptor</c> for every registered activity type (plus
/// the Flowchart container), from <see cref="ActivityCatalog"/>. A registered type without an entry still appears,
/// with a bare descriptor, so the designer can open every workflow the engine runs.
/// </summary>
internal static class ActivityDescriptors
{
    internal sealed record Descriptor(
        string TypeName, string Namespace, string Name, int Version, string Category, string DisplayName, string Description,
        IReadOnlyList<Input> Inputs, IReadOnlyList<Output> Outputs, string Kind, IReadOnlyList<Port> Ports,
        IReadOnlyDictionary<string, object> CustomProperties, IReadOnlyDictionary<string, object> ConstructionProperties,
        bool IsContainer, bool IsBrowsable, bool IsStart, bool IsTerminal);

    internal sealed record Input(
        string Name, string TypeName, string DisplayName, string Description, float Order, bool IsBrowsable, bool IsSynthetic, bool IsWrapped,
        string UiHint, object? Options, string Category, object? DefaultValue, string DefaultSyntax, bool IsReadOnly, string? StorageDriverType,
        IReadOnlyDictionary<string, object>? UiSpecifications);

    internal sealed record Output(string Name, string TypeName, string DisplayName, string Description, float Order, bool IsBrowsable, bool IsSynthetic);

    internal sealed record Port(string Name, string DisplayName, string Type, bool IsBrowsable);

    public static IResult HandleAsync(IServiceProvider services)
    {
        var types = RegisteredActivityTypes.From(services).Append("Elsa.Flowchart").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var items = types.Select(t => From(ActivityCatalog.Entries.GetValueOrDefault(t) ?? Bare(t))).ToList();
        return Results.Ok(new ItemList<Descriptor>(items));
    }

    private static ActivityEntry Bare(string type) => new(type, "Other", type[(type.LastIndexOf('.') + 1)..], "", [], [], ["Done"]);

    private static Descriptor From(ActivityEntry e)
    {
        var dot = e.Type.LastIndexOf('.');
        return new Descriptor(
            e.Type, dot < 0 ? "" : e.Type[..dot], e.Type[(dot + 1)..], 1, e.Category, e.DisplayName, e.Description,
            e.Inputs.Select((i, n) => new Input(i.Name, i.TypeName, Humanise(i.Name), i.Description, n, true, false, i.IsWrapped, i.UiHint,
                DropDownOptions.ListFor(i), "", null, i.DefaultSyntax, false, null, DropDownOptions.UiSpecifications(i))).ToList(),
            e.Outputs.Select((o, n) => new Output(o.Name, o.TypeName, Humanise(o.Name), o.Description, n, true, false)).ToList(),
            e.IsTrigger ? "Trigger" : "Action",
            e.Ports.Select(p => new Port(p, p, "Flow", true)).ToList(),
            new Dictionary<string, object>(), new Dictionary<string, object>(),
            e.IsContainer, e.IsBrowsable, IsStart: e.Type == "Elsa.Start", e.IsTerminal);
    }

    private static string Humanise(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) && !char.IsUpper(pascal[i - 1]) ? " " + c : c.ToString()));
}
