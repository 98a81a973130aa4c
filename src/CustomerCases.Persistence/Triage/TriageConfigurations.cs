using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCases.Persistence.Triage;

internal sealed class TriageModelRecordConfiguration : IEntityTypeConfiguration<TriageModelRecord>
{
    public void Configure(EntityTypeBuilder<TriageModelRecord> b)
    {
        b.ToTable("TriageModels");
        b.HasKey(x => x.VersionId);
        b.Property(x => x.VersionId).HasMaxLength(100);
        b.Property(x => x.Source).HasMaxLength(300);
        b.HasIndex(x => x.IsActive);
    }
}

internal sealed class CaseTriageRecordConfiguration : IEntityTypeConfiguration<CaseTriageRecord>
{
    public void Configure(EntityTypeBuilder<CaseTriageRecord> b)
    {
        b.ToTable("CaseTriage");
        b.HasKey(x => x.CaseId);
        b.Property(x => x.ModelVersion).HasMaxLength(100);
        b.Property(x => x.Category).HasMaxLength(100);
        b.Property(x => x.Priority).HasMaxLength(20);
        b.Property(x => x.CategoryDecision).HasMaxLength(20);
        b.Property(x => x.PriorityDecision).HasMaxLength(20);
    }
}

internal sealed class TriageLabelRecordConfiguration : IEntityTypeConfiguration<TriageLabelRecord>
{
    public void Configure(EntityTypeBuilder<TriageLabelRecord> b)
    {
        b.ToTable("TriageLabels");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.Category).HasMaxLength(100);
        b.Property(x => x.Priority).HasMaxLength(20);
        b.Property(x => x.LabelledBy).HasMaxLength(200);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.HasIndex(x => x.CaseId);
    }
}

internal sealed class TriageTrainingRunRecordConfiguration : IEntityTypeConfiguration<TriageTrainingRunRecord>
{
    public void Configure(EntityTypeBuilder<TriageTrainingRunRecord> b)
    {
        b.ToTable("TriageTrainingRuns");
        b.HasKey(x => x.Id);
        b.Property(x => x.Trigger).HasMaxLength(50);
        b.Property(x => x.CandidateVersion).HasMaxLength(100);
        b.HasIndex(x => x.StartedAt);
    }
}

internal sealed class TriageRefinementRecordConfiguration : IEntityTypeConfiguration<TriageRefinementRecord>
{
    public void Configure(EntityTypeBuilder<TriageRefinementRecord> b)
    {
        b.ToTable("TriageRefinements");
        b.HasKey(x => x.CaseId);
        b.Property(x => x.ModelVersion).HasMaxLength(100);
        b.Property(x => x.Category).HasMaxLength(100);
        b.Property(x => x.Priority).HasMaxLength(20);
        b.Property(x => x.CategoryDecision).HasMaxLength(20);
        b.Property(x => x.PriorityDecision).HasMaxLength(20);
        b.Property(x => x.Outcome).HasMaxLength(500);
        // Every pass increments Attempts: two nodes working the same row cannot both commit (the row starts workflows).
        b.Property(x => x.Attempts).IsConcurrencyToken();
        // The worker's query: pending rows, oldest first.
        b.HasIndex(x => new { x.CompletedAt, x.EnqueuedAt });
    }
}
