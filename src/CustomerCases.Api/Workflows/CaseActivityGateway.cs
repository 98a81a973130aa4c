using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Common;
using CustomerCases.Domain.Customers;
using CustomerCases.Persistence;
using CustomerCases.Workflows.Ports;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Api.Workflows;

/// <summary>
/// Case activities act on the tracked case in the caller's DbContext, so their changes commit with the workflow
/// state that made them. Changes go through the domain (rules, history), attributed to the workflow.
/// </summary>
internal sealed class CaseActivityGateway(CustomerCasesDbContext db, TimeProvider time) : ICaseActivityGateway
{
    private static readonly Actor WorkflowActor = new(ActorKind.Workflow, "workflow", "workflow");

    public async Task<IReadOnlyDictionary<string, object?>?> GetCaseAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var c = await FindAsync(caseId, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var customer = db.Tracked<Customer>().SingleOrDefault(x => x.Id == c.CustomerId)
            ?? await db.Customers.AsNoTracking().SingleOrDefaultAsync(x => x.Id == c.CustomerId, cancellationToken);
        return new Dictionary<string, object?>
        {
            ["id"] = c.Id.ToString(),
            ["number"] = c.Reference,
            ["subject"] = c.Subject,
            ["description"] = c.Description,
            ["channel"] = c.Channel.ToString(),
            ["status"] = c.Status.ToString(),
            ["priority"] = c.Priority.ToString(),
            ["category"] = c.Category,
            ["queue"] = c.Queue,
            ["assignee"] = c.Assignee,
            ["tags"] = c.Tags.ToList(),
            ["customFields"] = c.CustomFields.ToDictionary(kv => kv.Key, kv => (object?)kv.Value),
            ["escalationLevel"] = c.EscalationLevel,
            ["createdAt"] = c.CreatedAt,
            ["followUpOfCaseId"] = c.FollowUpOfCaseId?.ToString(),
            ["customer"] = customer is null ? null : new Dictionary<string, object?>
            {
                ["id"] = customer.Id.ToString(),
                ["email"] = customer.Email,
                ["name"] = customer.Name,
                ["tier"] = customer.Tier,
                ["externalId"] = customer.ExternalId,
            },
        };
    }

    public async Task UpdateCaseAsync(Guid caseId, CaseUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var c = await RequireAsync(caseId, cancellationToken);
        var now = time.GetUtcNow();
        if (update.Priority is not null)
        {
            c.ChangePriority(ParseEnum<CasePriority>(update.Priority, "priority"), WorkflowActor, now, "workflow");
        }

        if (update.Category is not null)
        {
            c.Categorise(update.Category, WorkflowActor, now, "workflow");
        }

        if (update.Queue is not null)
        {
            c.MoveToQueue(update.Queue, WorkflowActor, now, "workflow");
        }

        if (update.AddTags is { Count: > 0 })
        {
            c.SetTags(c.Tags.Concat(update.AddTags), WorkflowActor, now, "workflow");
        }

        if (update.Status is not null)
        {
            c.ChangeStatus(ParseEnum<CaseStatus>(update.Status, "status"), WorkflowActor, now, "workflow");
        }
    }

    public async Task AddMessageAsync(Guid caseId, CaseMessageKind kind, string text, CancellationToken cancellationToken)
    {
        var c = await RequireAsync(caseId, cancellationToken);
        var message = c.AddMessage(kind == CaseMessageKind.PublicReply ? MessageKind.PublicReply : MessageKind.InternalNote, WorkflowActor, text, time.GetUtcNow());
        db.CaseMessages.Add(message);
    }

    public async Task CloseCaseAsync(Guid caseId, string? resolution, CancellationToken cancellationToken)
    {
        var c = await RequireAsync(caseId, cancellationToken);
        var now = time.GetUtcNow();
        if (c.IsClosed)
        {
            return;
        }

        if (!string.IsNullOrWhiteSpace(resolution))
        {
            db.CaseMessages.Add(c.AddMessage(MessageKind.InternalNote, WorkflowActor, "Resolution: " + resolution, now));
        }

        c.ChangeStatus(CaseStatus.Closed, WorkflowActor, now, resolution ?? "closed by workflow");
    }

    private async Task<Case?> FindAsync(Guid caseId, CancellationToken ct) =>
        db.Tracked<Case>().SingleOrDefault(c => c.Id == caseId) ?? await Features.Cases.CaseQueries.TrackedById(db, caseId);

    private async Task<Case> RequireAsync(Guid caseId, CancellationToken ct) =>
        await FindAsync(caseId, ct) ?? throw new InvalidOperationException($"The workflow's case {caseId} does not exist.");

    private static T ParseEnum<T>(string value, string field)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw new ArgumentException($"'{value}' is not a valid {field}; use one of {string.Join(", ", Enum.GetNames<T>())}.");
}
