namespace CustomerCases.Domain.Customers;

/// <summary>The person or organisation a case is for. Identified by e-mail (normalised to lower case) at intake.</summary>
public sealed class Customer
{
    private Customer()
    {
    }

    public Customer(string email, string? name, string? externalId, string? tier, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Email = NormaliseEmail(email);
        Name = string.IsNullOrWhiteSpace(name) ? Email : name.Trim();
        ExternalId = externalId;
        Tier = tier;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? ExternalId { get; private set; }

    public string? Tier { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static string NormaliseEmail(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A later request may bring a better name or the external id; it never erases what we know.</summary>
    public void Enrich(string? name, string? externalId, string? tier)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            Name = name.Trim();
        }

        ExternalId ??= externalId;
        Tier ??= tier;
    }
}
