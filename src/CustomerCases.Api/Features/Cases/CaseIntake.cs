using CustomerCases.Api.Features.Shared;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Domain.Customers;
using CustomerCases.Persistence;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Features.Cases;

/// <summary>
/// Opens cases (from intake, and follow-ups of closed cases) in one transaction: the customer, the case with its
/// first message and history, whatever the intake steps add (triage, workflow start), and the idempotency answer.
/// </summary>
internal sealed class CaseIntake(
    CustomerCasesDbContext db,
    WriteGate gate,
    TimeProvider time,
    IEnumerable<ICaseIntakeStep> steps,
    Workflows.AfterCommit afterCommit,
    IOptions<JsonOptions> json)
{
    internal sealed record Command(string Email, string? Name, string? ExternalId, string? Tier, CaseDraft Draft, bool ExplicitCategory, bool ExplicitPriority = false);

    internal sealed record Outcome(CaseResponse? Response, IResult? Replay);

    public async Task<Outcome> OpenAsync(Command command, Actor actor, IdempotencyContext? idempotency, CancellationToken ct)
    {
        // Two attempts: the only expected conflict is a race on a unique key (same new customer or same idempotency
        // key from two nodes at once); the second attempt sees the winner's row.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await OpenOnceAsync(command, actor, idempotency, ct);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation() && attempt < 2)
            {
                db.ChangeTracker.Clear();
                if (idempotency is not null && await Idempotency.TryReplayAsync(db, idempotency.Scope, idempotency.Key, idempotency.RequestHash, ct) is { } replay)
                {
                    return new Outcome(null, replay);
                }
            }
        }
    }

    private async Task<Outcome> OpenOnceAsync(Command command, Actor actor, IdempotencyContext? idempotency, CancellationToken ct)
    {
        using var writer = await gate.EnterAsync(ct);
        // Checked again inside the gate: a retry that raced the first request finds its answer here (SQLite), or
        // loses on the unique key and finds it after the rollback (PostgreSQL, several nodes).
        if (idempotency is not null && await Idempotency.TryReplayAsync(db, idempotency.Scope, idempotency.Key, idempotency.RequestHash, ct) is { } replay)
        {
            return new Outcome(null, replay);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var customer = await FindOrCreateCustomerAsync(command, now, ct);
        var number = await db.NextValueAsync(Sequence.CaseNumbers, ct);
        var @case = Case.Open(number, customer, command.Draft, actor, now);
        db.Cases.Add(@case);
        foreach (var step in steps)
        {
            await step.OnCaseOpeningAsync(@case, command, ct);
        }

        var response = CaseResponse.From(@case, customer, withMessages: false);
        if (idempotency is not null)
        {
            Idempotency.Record(db, idempotency.Scope, idempotency.Key, idempotency.RequestHash, StatusCodes.Status201Created,
                $"/api/cases/{@case.Id}", response, json.Value.SerializerOptions, now);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        writer.Dispose();
        await afterCommit.RunAsync(ct);
        return new Outcome(response, null);
    }

    private async Task<Customer> FindOrCreateCustomerAsync(Command command, DateTimeOffset now, CancellationToken ct)
    {
        var email = Customer.NormaliseEmail(command.Email);
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Email == email, ct);
        if (customer is null)
        {
            customer = new Customer(email, command.Name, command.ExternalId, command.Tier, now);
            db.Customers.Add(customer);
        }
        else
        {
            customer.Enrich(command.Name, command.ExternalId, command.Tier);
        }

        return customer;
    }
}

/// <summary>
/// Work that must happen in the intake transaction, before the case is committed (triage, starting workflows).
/// Implementations change tracked entities; the intake saves and commits once. Steps run in registration order:
/// triage before workflows, so CaseCreated conditions see the prediction (and whether it is still to be refined).
/// </summary>
internal interface ICaseIntakeStep
{
    Task OnCaseOpeningAsync(Case @case, CaseIntake.Command command, CancellationToken ct);
}
