using System.Text.Json;
using CustomerCases.Domain.Work;
using CustomerCases.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CustomerCases.Persistence.Work;

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> b)
    {
        b.ToTable("Agents");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.Presence).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.Queues);
        b.Property<List<string>>("_queues").HasColumnName("Queues")
            .HasConversion(JsonConversion.For<List<string>>(), JsonConversion.ListComparer());
        b.Ignore(a => a.Skills);
        b.Property<List<string>>("_skills").HasColumnName("Skills")
            .HasConversion(JsonConversion.For<List<string>>(), JsonConversion.ListComparer());
        b.HasIndex(a => a.ApiKeyId).IsUnique();
        b.HasIndex(a => a.Name).IsUnique();
    }
}

internal sealed class WorkQueueConfiguration : IEntityTypeConfiguration<WorkQueue>
{
    public void Configure(EntityTypeBuilder<WorkQueue> b)
    {
        b.ToTable("WorkQueues");
        b.HasKey(q => q.Id);
        b.Property(q => q.Id).ValueGeneratedNever();
        b.Property(q => q.Name).HasMaxLength(100);
        b.Property(q => q.Strategy).HasConversion<string>().HasMaxLength(20);
        b.Property(q => q.OverdueQueue).HasMaxLength(100);
        b.HasIndex(q => q.Name).IsUnique();
    }
}

internal sealed class HumanTaskConfiguration : IEntityTypeConfiguration<HumanTask>
{
    public void Configure(EntityTypeBuilder<HumanTask> b)
    {
        b.ToTable("HumanTasks");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.InstanceId).HasMaxLength(100);
        b.Property(t => t.BookmarkId).HasMaxLength(100);
        b.Property(t => t.ActivityId).HasMaxLength(100);
        b.Property(t => t.Title).HasMaxLength(500);
        b.Property(t => t.Queue).HasMaxLength(100);
        // Stored as its rank (Low 0 … Urgent 3) so the inbox sorts by priority in SQL.
        b.Property(t => t.Priority).HasConversion<int>();
        b.Property(t => t.RequestedAssignee).HasMaxLength(200);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.CompletedById).HasMaxLength(100);
        b.Property(t => t.CompletedByName).HasMaxLength(200);
        b.Property(t => t.Outcome).HasMaxLength(100);
        b.Property(t => t.CancelReason).HasMaxLength(500);
        b.Property(t => t.EscalatedFromQueue).HasMaxLength(100);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Ignore(t => t.IsOpen);
        b.Ignore(t => t.RequiredSkills);
        b.Property<List<string>>("_requiredSkills").HasColumnName("RequiredSkills")
            .HasConversion(JsonConversion.For<List<string>>(), JsonConversion.ListComparer());
        b.Ignore(t => t.Outcomes);
        b.Property<List<string>>("_outcomes").HasColumnName("Outcomes")
            .HasConversion(JsonConversion.For<List<string>>(), JsonConversion.ListComparer());
        b.Ignore(t => t.Form);
        b.Property<List<TaskFormField>>("_form").HasColumnName("Form")
            .HasConversion(JsonConversion.For<List<TaskFormField>>(), FormComparer());
        // The inbox and routing filter on these.
        b.HasIndex(t => new { t.Status, t.Queue });
        b.HasIndex(t => new { t.AssigneeId, t.Status });
        b.HasIndex(t => t.BookmarkId);
        b.HasIndex(t => t.CaseId);
        b.HasIndex(t => t.InstanceId);
        // The overdue sweep: open tasks whose due time has come and that were not escalated yet.
        b.HasIndex(t => new { t.OverdueAt, t.DueAt });
    }

    private static ValueComparer<List<TaskFormField>> FormComparer() =>
        new((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, f) => HashCode.Combine(h, f)), v => v.ToList());
}

internal sealed class TaskRoutingRecordConfiguration : IEntityTypeConfiguration<TaskRoutingRecord>
{
    public void Configure(EntityTypeBuilder<TaskRoutingRecord> b)
    {
        b.ToTable("TaskRoutingDecisions");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).ValueGeneratedOnAdd();
        b.Property(r => r.Strategy).HasMaxLength(20);
        b.Property(r => r.Summary).HasMaxLength(1000);
        b.HasIndex(r => new { r.TaskId, r.DecidedAt });
    }
}

internal static class WorkJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
