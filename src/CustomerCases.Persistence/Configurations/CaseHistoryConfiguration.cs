using CustomerCases.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCases.Persistence.Configurations;

internal sealed class CaseHistoryConfiguration : IEntityTypeConfiguration<CaseHistoryEntry>
{
    public void Configure(EntityTypeBuilder<CaseHistoryEntry> builder)
    {
        builder.ToTable("CaseHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedOnAdd();
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(h => h.ActorKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.ActorId).HasMaxLength(100);
        builder.Property(h => h.ActorName).HasMaxLength(200);
        builder.Property(h => h.Field).HasMaxLength(50);
        builder.Ignore(h => h.Actor);
        // One sequence per case: a duplicate means two writers raced, and the unique index stops the second.
        builder.HasIndex(h => new { h.CaseId, h.Sequence }).IsUnique();
        builder.HasIndex(h => new { h.Kind, h.OccurredAt });
    }
}
