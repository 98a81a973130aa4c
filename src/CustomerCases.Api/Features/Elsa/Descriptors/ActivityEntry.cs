namespace CustomerCases.Api.Features.Elsa.Descriptors;

/// <summary>What Studio needs to know about one activity type: its toolbox entry, inputs, outputs and ports.</summary>
internal sealed record ActivityEntry(
    string Type,
    string Category,
    string DisplayName,
    string Description,
    IReadOnlyList<InputEntry> Inputs,
    IReadOnlyList<OutputEntry> Outputs,
    IReadOnlyList<string> Ports,
    bool IsTrigger = false,
    bool IsTerminal = false,
    bool IsContainer = false,
    bool IsBrowsable = true);

/// <summary>An input; <see cref="Name"/> is Elsa's PascalCase property name (the JSON property is its camelCase form).</summary>
internal sealed record InputEntry(string Name, string TypeName, string UiHint, string Description, string DefaultSyntax = "Literal",
    IReadOnlyList<string>? Options = null, bool IsWrapped = true);

/// <summary>An output an activity sets (readable with <c>getOutputFrom</c> or bound to a variable).</summary>
internal sealed record OutputEntry(string Name, string TypeName, string Description);
