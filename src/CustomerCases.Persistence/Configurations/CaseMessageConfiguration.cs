using CustomerCases.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCases.Persistence.Configurations;

internal sealed class CaseMessageConfiguration : IEntityTypeConfiguration<CaseMessage>
{
    public void Configure(EntityTypeBuilder<CaseMessage> builder)
    {
        builder.ToTable("CaseMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.AuthorKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.AuthorId).HasMaxLength(100);
        builder.Property(m => m.AuthorName).HasMaxLength(200);
        builder.Ignore(m => m.Author);
        builder.HasIndex(m => new { m.CaseId, m.CreatedAt });
    }
}
