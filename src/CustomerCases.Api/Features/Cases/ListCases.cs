using System.Security.Claims;
using CustomerCases.Api.Features.Agents;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Domain.Cases;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Cases;

/// <summary>GET /api/cases — filter, sort and page; the total counts every match, not just the page.</summary>
internal static class ListCases
{
    internal sealed record CasePage(IReadOnlyList<CaseResponse> Items, int Page, int PageSize, int Total);

    private static readonly string[] SortFields = ["createdAt", "updatedAt", "priority", "number", "status"];

    public static async Task<IResult> HandleAsync(HttpRequest http, ClaimsPrincipal user, CustomerCasesDbContext db, CancellationToken ct,
        string? status = null, string? priority = null, string? category = null, string? queue = null, string? assignee = null,
        string? customer = null, string? text = null, string? sort = null, int page = 1, int pageSize = 25)
    {
        var v = new Validation();
        var statuses = ParseList<CaseStatus>("status", status, v);
        var priorities = ParseList<CasePriority>("priority", priority, v);
        if (page < 1)
        {
            v.Add("page", "must be 1 or more.");
        }

        if (pageSize is < 1 or > 200)
        {
            v.Add("pageSize", "must be between 1 and 200.");
        }

        var sortField = sort?.TrimStart('-') ?? "createdAt";
        if (!SortFields.Contains(sortField, StringComparer.Ordinal))
        {
            v.Add("sort", $"must be one of {string.Join(", ", SortFields)}, optionally prefixed with '-' for descending.");
        }

        if (!v.IsValid)
        {
            return v.Problem();
        }

        var visible = await CaseVisibility.FilterAsync(user, db, ct) is { } filter ? db.Cases.AsNoTracking().Where(filter) : db.Cases.AsNoTracking();
        var query = visible
            .Join(db.Customers, c => c.CustomerId, cu => cu.Id, (c, cu) => new { Case = c, Customer = cu });
        if (statuses.Count > 0)
        {
            query = query.Where(x => statuses.Contains(x.Case.Status));
        }

        if (priorities.Count > 0)
        {
            query = query.Where(x => priorities.Contains(x.Case.Priority));
        }

        if (category is not null)
        {
            query = query.Where(x => x.Case.Category == category);
        }

        if (queue is not null)
        {
            query = query.Where(x => x.Case.Queue == queue);
        }

        if (assignee is not null)
        {
            query = query.Where(x => x.Case.Assignee == assignee);
        }

        if (customer is not null)
        {
            var email = customer.Trim().ToLowerInvariant();
            query = Guid.TryParse(customer, out var customerId)
                ? query.Where(x => x.Customer.Id == customerId)
                : query.Where(x => x.Customer.Email == email || x.Customer.ExternalId == customer);
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{text.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)}%";
            query = query.Where(x => EF.Functions.Like(x.Case.Subject.ToLower(), pattern) || EF.Functions.Like(x.Case.Description.ToLower(), pattern));
        }

        var descending = sort?.StartsWith('-') ?? true;
        query = (sortField, descending) switch
        {
            ("updatedAt", false) => query.OrderBy(x => x.Case.UpdatedAt).ThenBy(x => x.Case.Number),
            ("updatedAt", true) => query.OrderByDescending(x => x.Case.UpdatedAt).ThenByDescending(x => x.Case.Number),
            // Priorities are stored by name, so they are ranked explicitly (by name High < Low < Normal < Urgent).
            ("priority", false) => query.OrderBy(x => (x.Case.Priority == CasePriority.Urgent ? 3 : x.Case.Priority == CasePriority.High ? 2 : x.Case.Priority == CasePriority.Normal ? 1 : 0)).ThenBy(x => x.Case.Number),
            ("priority", true) => query.OrderByDescending(x => (x.Case.Priority == CasePriority.Urgent ? 3 : x.Case.Priority == CasePriority.High ? 2 : x.Case.Priority == CasePriority.Normal ? 1 : 0)).ThenBy(x => x.Case.Number),
            ("status", false) => query.OrderBy(x => x.Case.Status).ThenBy(x => x.Case.Number),
            ("status", true) => query.OrderByDescending(x => x.Case.Status).ThenByDescending(x => x.Case.Number),
            (_, false) => query.OrderBy(x => x.Case.Number),
            (_, true) => query.OrderByDescending(x => x.Case.Number),
        };

        var total = await query.CountAsync(ct);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return Results.Ok(new CasePage(items.Select(x => CaseResponse.From(x.Case, x.Customer, withMessages: false)).ToList(), page, pageSize, total));
    }

    private static List<T> ParseList<T>(string field, string? value, Validation v)
        where T : struct, Enum =>
        value is null
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => v.Enum<T>(field, s)).OfType<T>().ToList();
}
