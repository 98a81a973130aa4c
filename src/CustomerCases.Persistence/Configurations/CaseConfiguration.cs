using System.Text.Json;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCases.Persistence.Configurations;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Ignore(c => c.Reference);
        builder.Ignore(c => c.IsClosed);
        builder.Property(c => c.Subject).HasMaxLength(500).IsRequired();
        builder.Property(c => c.Description).IsRequired();
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Priority).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Category).HasMaxLength(100);
        builder.Property(c => c.Queue).HasMaxLength(100);
        builder.Property(c => c.Assignee).HasMaxLength(200);
        builder.Property(c => c.Version).IsConcurrencyToken();

        builder.Ignore(c => c.Tags);
        builder.Property<List<string>>("_tags").HasColumnName("Tags")
            .HasConversion(JsonConversion.For<List<string>>(), JsonConversion.ListComparer());
        builder.Ignore(c => c.CustomFields);
        builder.Property<Dictionary<string, string>>("_customFields").HasColumnName("CustomFields")
            .HasConversion(JsonConversion.For<Dictionary<string, string>>(), JsonConversion.DictionaryComparer());

        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Messages).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Messages).HasField("_messages").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The list endpoint filters and sorts on these.
        builder.HasIndex(c => new { c.Status, c.CreatedAt });
        builder.HasIndex(c => new { c.Queue, c.Status });
        builder.HasIndex(c => c.Assignee);
        builder.HasIndex(c => c.CustomerId);
        builder.HasIndex(c => c.Category);
    }
}

internal static class JsonConversion
{
    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> For<T>()
        where T : new() =>
        new(v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => string.IsNullOrEmpty(v) ? new T() : JsonSerializer.Deserialize<T>(v, JsonSerializerOptions.Default) ?? new T());

    public static ValueComparer<List<string>> ListComparer() =>
        new((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)), v => v.ToList());

    public static ValueComparer<Dictionary<string, string>> DictionaryComparer() =>
        new((a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
            v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
            v => new Dictionary<string, string>(v));
}
