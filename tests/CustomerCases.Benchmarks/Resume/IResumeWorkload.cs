using CustomerCases.Benchmarks.Load;

namespace CustomerCases.Benchmarks.Resume;

/// <summary>
/// One kind of resume for <see cref="ResumeScenario"/>: a pool of waiting workflow instances seeded through the API,
/// and the HTTP request that resumes one of them. Each request takes a fresh item from the pool; an empty pool sends a
/// request the service refuses (an error, counted in <see cref="Exhausted"/>), never a request that silently does nothing.
/// </summary>
public interface IResumeWorkload
{
    /// <summary>The scenario name (the goals and the report are labelled with it).</summary>
    string Name { get; }

    /// <summary>What the resume does, for the report.</summary>
    string Description { get; }

    /// <summary>Waiting items left in the pool.</summary>
    int Available { get; }

    /// <summary>Requests sent while the pool was empty.</summary>
    long Exhausted { get; }

    /// <summary>Successful answers that resumed nothing (e.g. an event no bookmark waited for).</summary>
    long NotResumed { get; }

    /// <summary>One-time setup (queues, agents) before the first top-up.</summary>
    Task PrepareAsync(CancellationToken ct);

    /// <summary>
    /// Sets up the service (queues, agents) and makes one waiting case through the API, ready to be cloned by
    /// <see cref="Soak.BulkCloner"/>; returns the case id.
    /// </summary>
    Task<Guid> PrepareTemplateAsync(CancellationToken ct);

    /// <summary>Adds the template and its <paramref name="copies"/> clones (ids from <see cref="Soak.BulkCloner.CloneId"/>) to the pool.</summary>
    void AddClones(int copies);

    /// <summary>Seeds through the API (not timed) until at least <paramref name="wanted"/> items wait.</summary>
    Task TopUpAsync(int wanted, CancellationToken ct);

    LoadTarget Target();
}
