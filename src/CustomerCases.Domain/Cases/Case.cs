using CustomerCases.Domain.Common;
using CustomerCases.Domain.Customers;

namespace CustomerCases.Domain.Cases;

/// <summary>
/// A customer's request and everything done about it. The aggregate guards its own lifecycle: every change goes
/// through a method that checks the rules and appends a history entry, so history is complete by construction.
/// </summary>
public sealed partial class Case
{
    private readonly List<CaseMessage> _messages = [];
    private readonly List<CaseHistoryEntry> _history = [];
    private List<string> _tags = [];
    private Dictionary<string, string> _customFields = [];

    private Case()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The sequential number people quote on the phone; <see cref="Reference"/> formats it.</summary>
    public long Number { get; private set; }

    public string Reference => FormatReference(Number);

    public Guid CustomerId { get; private set; }

    public string Subject { get; private set; } = "";

    public string Description { get; private set; } = "";

    public CaseChannel Channel { get; private set; }

    public CaseStatus Status { get; private set; }

    public CasePriority Priority { get; private set; }

    public string? Category { get; private set; }

    public string? Queue { get; private set; }

    public string? Assignee { get; private set; }

    public IReadOnlyList<string> Tags => _tags;

    public IReadOnlyDictionary<string, string> CustomFields => _customFields;

    /// <summary>How many times the case was escalated; raised by escalation, never lowered.</summary>
    public int EscalationLevel { get; private set; }

    /// <summary>The case this one follows up (a customer wrote again after it was closed).</summary>
    public Guid? FollowUpOfCaseId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? FirstRespondedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Incremented by every change; the optimistic-concurrency token.</summary>
    public int Version { get; private set; }

    /// <summary>The sequence number of the last history entry.</summary>
    public int HistorySequence { get; private set; }

    public IReadOnlyList<CaseMessage> Messages => _messages;

    public IReadOnlyList<CaseHistoryEntry> History => _history;

    public static string FormatReference(long number) => $"CASE-{number:D6}";

    public static Case Open(long number, Customer customer, CaseDraft draft, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(draft);
        var c = new Case
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            CustomerId = customer.Id,
            Subject = draft.Subject.Trim(),
            Description = draft.Description.Trim(),
            Channel = draft.Channel,
            Status = CaseStatus.New,
            Priority = draft.Priority,
            Category = Normalise(draft.Category),
            _tags = NormaliseTags(draft.Tags),
            _customFields = new Dictionary<string, string>(draft.CustomFields),
            FollowUpOfCaseId = draft.FollowUpOfCaseId,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        c.Record(CaseHistoryKind.Created, actor, now, "status", null, nameof(CaseStatus.New), draft.FollowUpOfCaseId is { } previous ? $"follow-up of {previous}" : null);
        c.Record(CaseHistoryKind.PriorityChanged, actor, now, "priority", null, c.Priority.ToString(), null);
        if (c.Category is not null)
        {
            c.Record(CaseHistoryKind.CategoryChanged, actor, now, "category", null, c.Category, null);
        }

        if (c._tags.Count > 0)
        {
            c.Record(CaseHistoryKind.TagsChanged, actor, now, "tags", null, string.Join(',', c._tags), null);
        }

        c._messages.Add(new CaseMessage(c.Id, MessageKind.CustomerMessage, Actor.Customer(customer.Id, customer.Name), c.Description, now));
        c.Version = 1; // the creation entries above are one change
        return c;
    }

    private static string? Normalise(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> NormaliseTags(IEnumerable<string> tags) =>
        tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
}
