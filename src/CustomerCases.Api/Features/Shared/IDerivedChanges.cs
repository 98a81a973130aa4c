using CustomerCases.Persistence;

namespace CustomerCases.Api.Features.Shared;

/// <summary>
/// Changes a save derives from the staged ones (e.g. SLA targets from new case history), which a caller may ask for
/// ahead of the save: <see cref="Tasks.TaskWork"/> stages its work before it takes the single-writer gate, and what is
/// derived then need not be derived again while the gate is held. The save still derives whatever changed since.
/// </summary>
internal interface IDerivedChanges
{
    Task StageAsync(CustomerCasesDbContext db, CancellationToken ct);
}
