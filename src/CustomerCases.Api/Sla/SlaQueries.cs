using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Customers;
using CustomerCases.Persistence;
using CustomerCases.Persistence.Sla;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Sla;

/// <summary>
/// What a recalculation reads for one case, compiled once: it runs inside the save of every case change, so inside
/// the single-writer section on SQLite, where translating four LINQ queries per change was time every writer waited for.
/// </summary>
internal static class SlaQueries
{
    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, Guid, Task<Customer?>>> CustomerByIdQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, Guid id) => db.Customers.AsNoTracking().FirstOrDefault(x => x.Id == id)));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, Guid, IAsyncEnumerable<SlaTargetRecord>>> TargetsOfQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, Guid caseId) => db.SlaTargets.Where(t => t.CaseId == caseId)));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, Guid, IAsyncEnumerable<CaseHistoryEntry>>> HistoryOfQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, Guid caseId) => db.CaseHistory.AsNoTracking().Where(h => h.CaseId == caseId)));

    private static readonly CompiledPerModel<Func<CustomerCasesDbContext, Guid, IAsyncEnumerable<SlaCalendarPeriodRecord>>> PeriodsOfQuery = new(() => EF.CompileAsyncQuery(
        (CustomerCasesDbContext db, Guid caseId) => db.SlaCalendarPeriods.AsNoTracking().Where(p => p.CaseId == caseId)));

    public static Task<Customer?> CustomerById(CustomerCasesDbContext db, Guid id) => CustomerByIdQuery.For(db)(db, id);

    /// <summary>The case's stored targets, tracked (the recalculation rewrites them).</summary>
    public static ValueTask<List<SlaTargetRecord>> TargetsOfAsync(CustomerCasesDbContext db, Guid caseId, CancellationToken ct) => TargetsOfQuery.For(db)(db, caseId).ToListAsync(ct);

    /// <summary>The case's stored history, untracked: loading must not fix entries up into the aggregate's history list.</summary>
    public static ValueTask<List<CaseHistoryEntry>> HistoryOfAsync(CustomerCasesDbContext db, Guid caseId, CancellationToken ct) => HistoryOfQuery.For(db)(db, caseId).ToListAsync(ct);

    public static ValueTask<List<SlaCalendarPeriodRecord>> PeriodsOfAsync(CustomerCasesDbContext db, Guid caseId, CancellationToken ct) => PeriodsOfQuery.For(db)(db, caseId).ToListAsync(ct);
}
