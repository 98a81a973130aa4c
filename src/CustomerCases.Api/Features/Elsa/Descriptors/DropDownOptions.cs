namespace CustomerCases.Api.Features.Elsa.Descriptors;

/// <summary>
/// The choices of a dropdown input in the two places Elsa 3 puts them. Studio 3.x reads only
/// <c>uiSpecifications.dropdown.selectList.items</c> (Elsa's <c>DropDownProps { selectList, providerName }</c>), picks
/// the item whose <c>value</c> equals the stored literal, and shows nothing when no item matches — which is why
/// dropdowns rendered empty while only the older top-level <c>options</c> was served. <c>options</c> stays for older
/// clients. An empty value (e.g. WaitForSla's "any metric") gets a readable text instead of a blank line.
/// </summary>
internal static class DropDownOptions
{
    private const string DropDownHint = "dropdown";

    internal sealed record Item(string Text, string Value);

    internal sealed record SelectList(IReadOnlyList<Item> Items, bool IsFlagsEnum);

    internal sealed record DropDownProps(SelectList SelectList, string? ProviderName);

    public static SelectList? ListFor(InputEntry input) =>
        input.Options is null ? null : new SelectList(input.Options.Select(o => new Item(o.Length == 0 ? "(any)" : o, o)).ToList(), IsFlagsEnum: false);

    public static IReadOnlyDictionary<string, object>? UiSpecifications(InputEntry input) =>
        input.UiHint == DropDownHint && ListFor(input) is { } list
            ? new Dictionary<string, object> { [DropDownHint] = new DropDownProps(list, ProviderName: null) }
            : null;
}
