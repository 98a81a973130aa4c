using System.Security.Claims;
using CustomerCases.Api.Auth;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Domain.Access;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Features.Cases;

/// <summary>
/// POST /api/cases/{id}/messages — a customer message, a public reply or an internal note. A customer writing on a
/// closed case gets a new follow-up case linked to the closed one (answered with that case's id and Location).
/// </summary>
internal static class AddMessage
{
    internal sealed record Request(string? Kind, string? Body);

    internal sealed record Response(Guid CaseId, string CaseNumber, bool FollowUpCreated, MessageResponse Message);

    public static async Task<IResult> HandleAsync(Guid id, Request request, ClaimsPrincipal user, CustomerCasesDbContext db,
        WriteGate gate, TimeProvider time, CaseIntake intake, IEnumerable<ICaseMessageObserver> observers, Workflows.AfterCommit afterCommit, CancellationToken ct)
    {
        var v = new Validation();
        var kind = ParseKind(request.Kind, v);
        v.Require("body", request.Body, 100_000);
        if (!v.IsValid || kind is null)
        {
            return v.Problem();
        }

        if (kind != MessageKind.CustomerMessage && !(user.IsInRole(Roles.Agent) || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Admin)))
        {
            return ApiProblems.Forbidden("Replies and internal notes are written by agents or managers.");
        }

        var @case = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return ApiProblems.NotFound("Case", id);
        }

        if (@case.IsClosed && kind == MessageKind.CustomerMessage)
        {
            return await OpenFollowUpAsync(@case, request.Body!, user, db, intake, ct);
        }

        using var writer = await gate.EnterAsync(ct);
        var tracked = await db.Cases.SingleAsync(c => c.Id == id, ct);
        var author = kind == MessageKind.CustomerMessage ? await CustomerActorAsync(db, tracked.CustomerId, ct) : user.ToActor();
        var message = tracked.AddMessage(kind.Value, author, request.Body!, time.GetUtcNow());
        db.CaseMessages.Add(message);
        foreach (var observer in observers)
        {
            await observer.OnMessageAddedAsync(tracked, message, ct);
        }

        await db.SaveChangesAsync(ct);
        writer.Dispose();
        await afterCommit.RunAsync(ct);
        return Results.Created($"/api/cases/{tracked.Id}", new Response(tracked.Id, tracked.Reference, false, MessageResponse.From(message)));
    }

    private static async Task<IResult> OpenFollowUpAsync(Case closed, string body, ClaimsPrincipal user, CustomerCasesDbContext db, CaseIntake intake, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == closed.CustomerId, ct);
        var draft = new CaseDraft(closed.Subject.StartsWith("Re: ", StringComparison.Ordinal) ? closed.Subject : "Re: " + closed.Subject,
            body, closed.Channel, closed.Priority, closed.Category)
        {
            Tags = closed.Tags.ToList(),
            FollowUpOfCaseId = closed.Id,
        };
        var outcome = await intake.OpenAsync(new CaseIntake.Command(customer.Email, null, null, null, draft, ExplicitCategory: closed.Category is not null, ExplicitPriority: true),
            user.ToActor(), idempotency: null, ct);
        var followUp = outcome.Response!;
        var message = await db.CaseMessages.AsNoTracking().Where(m => m.CaseId == followUp.Id).FirstAsync(ct);
        return Results.Created($"/api/cases/{followUp.Id}", new Response(followUp.Id, followUp.Number, true, MessageResponse.From(message)));
    }

    private static async Task<Actor> CustomerActorAsync(CustomerCasesDbContext db, Guid customerId, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId, ct);
        return Actor.Customer(customer.Id, customer.Name);
    }

    private static MessageKind? ParseKind(string? kind, Validation v)
    {
        switch (kind?.Trim().ToLowerInvariant())
        {
            case "customer" or "customermessage":
                return MessageKind.CustomerMessage;
            case "reply" or "publicreply":
                return MessageKind.PublicReply;
            case "note" or "internalnote":
                return MessageKind.InternalNote;
            case null:
                v.Add("kind", "is required: customer, reply or note.");
                return null;
            default:
                v.Add("kind", $"'{kind}' is not one of: customer, reply, note.");
                return null;
        }
    }
}

/// <summary>Reacts to a new message inside its transaction (e.g. resume workflows waiting for the customer).</summary>
internal interface ICaseMessageObserver
{
    Task OnMessageAddedAsync(Case @case, CaseMessage message, CancellationToken ct);
}
