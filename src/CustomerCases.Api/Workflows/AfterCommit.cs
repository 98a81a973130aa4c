namespace CustomerCases.Api.Workflows;

/// <summary>
/// Work that may only happen once a transaction committed (telling Hangfire about new timers). Whoever owns the
/// transaction calls <see cref="RunAsync"/> after the commit; if the transaction rolled back, nothing is run.
/// </summary>
internal sealed class AfterCommit
{
    private readonly List<Func<CancellationToken, Task>> _actions = [];

    public void Add(Func<CancellationToken, Task> action) => _actions.Add(action);

    /// <summary>The unit of work that registered the actions rolled back (e.g. it lost a race and is redone).</summary>
    public void Discard() => _actions.Clear();

    public async Task RunAsync(CancellationToken ct)
    {
        var actions = _actions.ToList();
        _actions.Clear();
        foreach (var action in actions)
        {
            await action(ct);
        }
    }
}
