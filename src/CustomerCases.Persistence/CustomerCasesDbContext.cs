using CustomerCases.Domain.Access;
using CustomerCases.Domain.Cases;
using CustomerCases.Domain.Customers;
using CustomerCases.Domain.Work;
using CustomerCases.Persistence.Idempotency;
using CustomerCases.Persistence.Triage;
using CustomerCases.Persistence.Sla;
using CustomerCases.Persistence.Work;
using CustomerCases.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;

namespace CustomerCases.Persistence;

/// <summary>
/// All mapping lives here and in <c>Configurations/</c>; the provider subclasses in <c>Providers/</c> only exist so that
/// each provider has its own migration set (EF Core's "multiple context types" approach).
/// </summary>
public abstract class CustomerCasesDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseMessage> CaseMessages => Set<CaseMessage>();

    public DbSet<CaseHistoryEntry> CaseHistory => Set<CaseHistoryEntry>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<Sequence> Sequences => Set<Sequence>();

    public DbSet<WorkflowDefinitionRecord> WorkflowDefinitions => Set<WorkflowDefinitionRecord>();

    public DbSet<WorkflowInstanceRecord> WorkflowInstances => Set<WorkflowInstanceRecord>();

    public DbSet<BookmarkRecord> Bookmarks => Set<BookmarkRecord>();

    public DbSet<WorkflowTriggerRecord> WorkflowTriggers => Set<WorkflowTriggerRecord>();

    public DbSet<WorkflowTimerRecord> WorkflowTimers => Set<WorkflowTimerRecord>();

    public DbSet<WorkflowJournalBatchRecord> WorkflowJournalBatches => Set<WorkflowJournalBatchRecord>();

    public DbSet<QueuedStimulusRecord> StimulusQueue => Set<QueuedStimulusRecord>();

    public DbSet<TriageModelRecord> TriageModels => Set<TriageModelRecord>();

    public DbSet<CaseTriageRecord> CaseTriage => Set<CaseTriageRecord>();

    public DbSet<TriageLabelRecord> TriageLabels => Set<TriageLabelRecord>();

    public DbSet<TriageTrainingRunRecord> TriageTrainingRuns => Set<TriageTrainingRunRecord>();

    public DbSet<TriageRefinementRecord> TriageRefinements => Set<TriageRefinementRecord>();

    public DbSet<SlaDefinitionRecord> SlaDefinitions => Set<SlaDefinitionRecord>();

    public DbSet<SlaTargetRecord> SlaTargets => Set<SlaTargetRecord>();

    public DbSet<SlaCalendarPeriodRecord> SlaCalendarPeriods => Set<SlaCalendarPeriodRecord>();

    public DbSet<Agent> Agents => Set<Agent>();

    public DbSet<WorkQueue> WorkQueues => Set<WorkQueue>();

    public DbSet<HumanTask> HumanTasks => Set<HumanTask>();

    public DbSet<TaskRoutingRecord> TaskRoutingDecisions => Set<TaskRoutingRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CustomerCasesDbContext).Assembly);
    }
}
