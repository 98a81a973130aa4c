using System.Collections.Frozen;

namespace CustomerCases.Workflows.Activities;

/// <summary>Activity implementations by Elsa type name, frozen at construction; duplicate names are a startup error.</summary>
internal sealed class ActivityRegistry
{
    private readonly FrozenDictionary<string, IActivity> _byType;

    public ActivityRegistry(IEnumerable<IActivity> activities)
    {
        var map = new Dictionary<string, IActivity>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            if (!map.TryAdd(activity.Type, activity))
                throw new InvalidOperationException($"Two activity implementations claim the type '{activity.Type}'.");
        }

        _byType = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Types => _byType.Keys;

    public IActivity? Find(string type) => _byType.GetValueOrDefault(type);
}
