using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Domain.Customers;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Benchmarks.Sla;

/// <summary>
/// Writes the pending SLA timers of the <c>sla-precision</c> scenario through the service's own path: Urgent cases
/// saved with the service's DbContext, so its SLA interceptor computes targets and their alarms (and schedules their
/// Hangfire wake-ups) exactly as for real cases. A pending timer is a target's alarm (its next warning or breach; the
/// later ones are set as each fires): two per case (first response, resolution). The shipped <c>urgent-fast</c> policy
/// (24×7, first response PT30M, warnings at 50 % and 75 %) puts each case's first warning 15 min after its creation, so
/// a case created at <c>due − 15 min</c> has an alarm due at <c>due</c>; its resolution alarm falls hours later.
/// The fillers (cases created now, every timer 15 min or more away) are seeded first and time the seeding, so the window
/// can open only once its own cases are surely written.
/// </summary>
internal static class SlaTimerSeeder
{
    public static readonly TimeSpan FirstWarningAfter = TimeSpan.FromMinutes(15);
    public const int TimersPerCase = 2;
    // Small: every SaveChanges of a batch recomputes its cases, and each recomputation scans the tracked entities (cost grows with the square of the batch).
    private const int CasesPerTransaction = 20;

    /// <summary>Cases created now whose timers all fall after any window (about <paramref name="pendingTimers"/> of them, at least a calibration batch); returns cases seeded per second.</summary>
    public static async Task<double> SeedFillersAsync(IServiceProvider services, int pendingTimers, int atLeastCases, CancellationToken ct)
    {
        var cases = Math.Max(atLeastCases, (pendingTimers + TimersPerCase - 1) / TimersPerCase);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await SeedCasesAsync(services, Enumerable.Repeat(TimeProvider.System.GetUtcNow(), cases).ToList(), ct);
        return cases / System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary>One case per due time, created 15 min before it, so its first warning is due then.</summary>
    public static Task SeedDueAsync(IServiceProvider services, IReadOnlyList<DateTimeOffset> dueTimes, CancellationToken ct) =>
        SeedCasesAsync(services, [.. dueTimes.Select(d => d - FirstWarningAfter)], ct);

    private static async Task SeedCasesAsync(IServiceProvider services, List<DateTimeOffset> createdAt, CancellationToken ct)
    {
        var now = TimeProvider.System.GetUtcNow();
        foreach (var chunk in createdAt.Chunk(CasesPerTransaction))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
            using var writer = await scope.ServiceProvider.GetRequiredService<WriteGate>().EnterAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var customer = new Customer($"sla-precision-{Guid.NewGuid():N}@example.com", "Seeded customer", null, null, now);
            db.Customers.Add(customer);
            foreach (var at in chunk)
            {
                var number = await db.NextValueAsync(Sequence.CaseNumbers, ct);
                db.Cases.Add(Case.Open(number, customer,
                    new CaseDraft("Seeded for sla-precision", "A case whose first SLA warning falls in the measured window.", CaseChannel.Web, CasePriority.Urgent, "delivery"),
                    Actor.System, at));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>Alarms due in [<paramref name="from"/>, <paramref name="to"/>), and all pending alarms.</summary>
    public static async Task<(int InWindow, int Pending)> CountAsync(IServiceProvider services, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        var inWindow = await db.SlaTargets.CountAsync(t => t.AlarmAt != null && t.AlarmAt >= from && t.AlarmAt < to, ct);
        var pending = await db.SlaTargets.CountAsync(t => t.AlarmAt != null, ct);
        return (inWindow, pending);
    }

    /// <summary>
    /// Due and fired times of every first warning due in [<paramref name="from"/>, <paramref name="to"/>): the seeded
    /// cases' first-response targets, whose first warning is due <see cref="FirstWarningAfter"/> after their start.
    /// </summary>
    public static async Task<List<(DateTimeOffset DueAt, DateTimeOffset? FiredAt)>> ReadWindowAsync(IServiceProvider services, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        var (startFrom, startTo) = (from - FirstWarningAfter, to - FirstWarningAfter);
        var rows = await db.SlaTargets.AsNoTracking().Where(t => t.Metric == "FirstResponse" && t.StartAt >= startFrom && t.StartAt < startTo)
            .Select(t => new { t.StartAt, t.FiredFraction, t.LastFiredAt }).ToListAsync(ct);
        return [.. rows.Select(r => (r.StartAt + FirstWarningAfter, r.FiredFraction > 0 ? r.LastFiredAt : null))];
    }
}
