using System.Globalization;
using System.Text.Json.Nodes;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Customers;

namespace CustomerCases.Api.Sla;

/// <summary>The case as policy conditions see it (the same camelCase shape as the workflows' <c>getCase()</c>).</summary>
internal static class SlaCaseSnapshot
{
    /// <summary>Fields a condition may read; <c>case.&lt;other&gt;</c> is a validation error.</summary>
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "number", "subject", "description", "channel", "status", "priority", "category", "queue", "assignee", "tags",
        "customFields", "escalationLevel", "createdAt", "followUpOfCaseId", "customer", "customerTier",
    };

    public static JsonObject From(Case c, Customer? customer) => Build(
        c.Status, c.Priority, c.Channel, c.Category, c.Queue, c.Assignee, c.Tags, c.EscalationLevel, customer?.Tier,
        c.Id.ToString(), c.Reference, c.Subject, c.Description, c.CreatedAt, c.FollowUpOfCaseId, c.CustomFields, customer);

    public static JsonObject Build(CaseStatus status, CasePriority priority, CaseChannel channel, string? category, string? queue, string? assignee,
        IReadOnlyList<string> tags, int escalationLevel, string? tier, string id = "00000000-0000-0000-0000-000000000000", string number = "CASE-000000",
        string subject = "", string description = "", DateTimeOffset createdAt = default, Guid? followUpOf = null,
        IReadOnlyDictionary<string, string>? customFields = null, Customer? customer = null)
    {
        var fields = new JsonObject();
        foreach (var (k, v) in customFields ?? new Dictionary<string, string>())
        {
            fields[k] = v;
        }

        return new JsonObject
        {
            ["id"] = id,
            ["number"] = number,
            ["subject"] = subject,
            ["description"] = description,
            ["channel"] = channel.ToString(),
            ["status"] = status.ToString(),
            ["priority"] = priority.ToString(),
            ["category"] = category,
            ["queue"] = queue,
            ["assignee"] = assignee,
            ["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
            ["customFields"] = fields,
            ["escalationLevel"] = escalationLevel,
            ["createdAt"] = createdAt.ToString("O", CultureInfo.InvariantCulture),
            ["followUpOfCaseId"] = followUpOf?.ToString(),
            ["customerTier"] = tier,
            ["customer"] = new JsonObject
            {
                ["id"] = customer?.Id.ToString(),
                ["email"] = customer?.Email,
                ["name"] = customer?.Name,
                ["tier"] = tier,
                ["externalId"] = customer?.ExternalId,
            },
        };
    }
}
