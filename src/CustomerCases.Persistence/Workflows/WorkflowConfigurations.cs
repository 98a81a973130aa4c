using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCases.Persistence.Workflows;

internal sealed class WorkflowDefinitionRecordConfiguration : IEntityTypeConfiguration<WorkflowDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowDefinitionRecord> b)
    {
        b.ToTable("WorkflowDefinitions");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).HasMaxLength(100);
        b.Property(d => d.DefinitionId).HasMaxLength(100);
        b.Property(d => d.Name).HasMaxLength(300);
        b.Property(d => d.ContentHash).HasMaxLength(64);
        b.Property(d => d.Source).HasMaxLength(300);
        b.HasIndex(d => new { d.DefinitionId, d.Version }).IsUnique();
        b.HasIndex(d => new { d.IsPublished, d.DefinitionId });
    }
}

internal sealed class WorkflowInstanceRecordConfiguration : IEntityTypeConfiguration<WorkflowInstanceRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowInstanceRecord> b)
    {
        b.ToTable("WorkflowInstances");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).HasMaxLength(100);
        b.Property(i => i.DefinitionId).HasMaxLength(100);
        b.Property(i => i.DefinitionVersionId).HasMaxLength(100);
        b.Property(i => i.Status).HasMaxLength(20);
        b.Property(i => i.SubStatus).HasMaxLength(20);
        b.Property(i => i.CorrelationId).HasMaxLength(100);
        b.Property(i => i.Name).HasMaxLength(300);
        b.Property(i => i.ParentInstanceId).HasMaxLength(100);
        b.Property(i => i.Revision).IsConcurrencyToken();
        b.HasIndex(i => i.CorrelationId);
        b.HasIndex(i => new { i.DefinitionId, i.Status });
        b.HasIndex(i => new { i.SubStatus, i.UpdatedAt });
    }
}

internal sealed class BookmarkRecordConfiguration : IEntityTypeConfiguration<BookmarkRecord>
{
    public void Configure(EntityTypeBuilder<BookmarkRecord> b)
    {
        b.ToTable("WorkflowBookmarks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(100);
        b.Property(x => x.InstanceId).HasMaxLength(100);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.ActivityId).HasMaxLength(100);
        b.Property(x => x.ActivityInstanceId).HasMaxLength(100);
        b.Property(x => x.CorrelationId).HasMaxLength(100);
        // Resume looks bookmarks up by stimulus hash: indexed, so it does not slow down as instances accumulate.
        b.HasIndex(x => new { x.Hash, x.CorrelationId });
        b.HasIndex(x => x.InstanceId);
    }
}

internal sealed class WorkflowTriggerRecordConfiguration : IEntityTypeConfiguration<WorkflowTriggerRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowTriggerRecord> b)
    {
        b.ToTable("WorkflowTriggers");
        b.HasKey(x => x.Id);
        b.Property(x => x.DefinitionId).HasMaxLength(100);
        b.Property(x => x.DefinitionVersionId).HasMaxLength(100);
        b.Property(x => x.ActivityId).HasMaxLength(100);
        b.Property(x => x.ActivityType).HasMaxLength(200);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.HasIndex(x => x.Hash);
        b.HasIndex(x => x.DefinitionVersionId);
    }
}

internal sealed class WorkflowTimerRecordConfiguration : IEntityTypeConfiguration<WorkflowTimerRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowTimerRecord> b)
    {
        b.ToTable("WorkflowTimers");
        b.HasKey(x => x.Id);
        b.Property(x => x.InstanceId).HasMaxLength(100);
        b.Property(x => x.BookmarkId).HasMaxLength(100);
        b.HasIndex(x => new { x.FiredAt, x.DueAt });
        b.HasIndex(x => x.BookmarkId);
    }
}

internal sealed class WorkflowJournalBatchRecordConfiguration : IEntityTypeConfiguration<WorkflowJournalBatchRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowJournalBatchRecord> b)
    {
        b.ToTable("WorkflowJournalBatches");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedOnAdd();
        b.Property(x => x.InstanceId).HasMaxLength(100);
        b.HasIndex(x => x.InstanceId);
    }
}

internal sealed class QueuedStimulusRecordConfiguration : IEntityTypeConfiguration<QueuedStimulusRecord>
{
    public void Configure(EntityTypeBuilder<QueuedStimulusRecord> b)
    {
        b.ToTable("WorkflowStimulusQueue");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Hash).HasMaxLength(64);
        b.Property(x => x.CorrelationId).HasMaxLength(100);
        b.Property(x => x.InstanceId).HasMaxLength(100);
        b.HasIndex(x => new { x.Hash, x.DeliveredAt });
    }
}
