using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCases.Persistence.Sla;

internal sealed class SlaDefinitionRecordConfiguration : IEntityTypeConfiguration<SlaDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<SlaDefinitionRecord> b)
    {
        b.ToTable("SlaDefinitions");
        b.HasKey(x => new { x.Kind, x.Id, x.Version });
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.Id).HasMaxLength(100);
        b.Property(x => x.Source).HasMaxLength(300);
    }
}

internal sealed class SlaTargetRecordConfiguration : IEntityTypeConfiguration<SlaTargetRecord>
{
    public void Configure(EntityTypeBuilder<SlaTargetRecord> b)
    {
        b.ToTable("SlaTargets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Metric).HasMaxLength(20);
        b.Property(x => x.Stage).HasMaxLength(20);
        b.Property(x => x.PolicyId).HasMaxLength(100);
        b.Property(x => x.CalendarId).HasMaxLength(100);
        b.HasIndex(x => new { x.CaseId, x.Metric, x.Cycle }).IsUnique();
        // breaches and at-risk read open targets by due time; reports read by start time.
        b.HasIndex(x => new { x.Stage, x.DueAt });
        b.HasIndex(x => x.StartAt);
        // The due-alarm poller and the sweeps read alarms by time (nulls: nothing to fire).
        b.HasIndex(x => x.AlarmAt);
    }
}

internal sealed class SlaCalendarPeriodRecordConfiguration : IEntityTypeConfiguration<SlaCalendarPeriodRecord>
{
    public void Configure(EntityTypeBuilder<SlaCalendarPeriodRecord> b)
    {
        b.ToTable("SlaCalendarPeriods");
        b.HasKey(x => x.Id);
        b.Property(x => x.CalendarId).HasMaxLength(100);
        b.HasIndex(x => new { x.CaseId, x.From });
    }
}
