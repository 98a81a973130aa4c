namespace CustomerCases.Api.Features.Elsa.Shared;

/// <summary>Elsa's paging: zero-based <c>page</c>; without <c>pageSize</c> the whole list is answered.</summary>
internal readonly record struct Paging(int? Page, int? PageSize)
{
    public const int MaxPageSize = 1000;

    public string? Error =>
        Page < 0 ? "page must be 0 or more (pages are zero-based)."
        : PageSize is < 1 or > MaxPageSize ? $"pageSize must be between 1 and {MaxPageSize}."
        : null;

    public IQueryable<T> Apply<T>(IQueryable<T> query) =>
        PageSize is { } size ? query.Skip((Page ?? 0) * size).Take(size) : query;
}

/// <summary>Elsa's paged list: <c>{items, totalCount}</c>.</summary>
internal sealed record PagedList<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>Elsa's plain list: <c>{items, count}</c>.</summary>
internal sealed record ItemList<T>(IReadOnlyList<T> Items)
{
    public int Count => Items.Count;
}

/// <summary>Elsa's paged list with the list's links: <c>{items, totalCount, links}</c>.</summary>
internal sealed record LinkedPagedList<T>(IReadOnlyList<T> Items, int TotalCount, System.Text.Json.Nodes.JsonArray Links);
