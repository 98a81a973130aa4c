namespace CustomerCases.Classification.Runtime;

/// <summary>
/// The active model, swappable at run time without a restart. Readers take one reference per request
/// (<see cref="Current"/>) and use it to the end, so a swap never mixes two versions within one classification.
/// </summary>
public sealed class ModelHolder
{
    private LoadedModel? _current;

    /// <summary>Creates a holder, optionally with an initial model.</summary>
    public ModelHolder(LoadedModel? initial = null) => _current = initial;

    /// <summary>Raised after a swap with the new model.</summary>
    public event Action<LoadedModel>? Swapped;

    /// <summary>The active model, or null before the first model is loaded.</summary>
    public LoadedModel? Current => Volatile.Read(ref _current);

    /// <summary>Atomically makes <paramref name="next"/> the active model and returns the previous one.</summary>
    public LoadedModel? Swap(LoadedModel next)
    {
        ArgumentNullException.ThrowIfNull(next);
        // The old model is not disposed: requests that already hold it finish on it, then the GC collects it.
        var previous = Interlocked.Exchange(ref _current, next);
        Swapped?.Invoke(next);
        return previous;
    }
}
