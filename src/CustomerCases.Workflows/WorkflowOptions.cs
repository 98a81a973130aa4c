namespace CustomerCases.Workflows;

/// <summary>Engine limits and the outbound HTTP allow-list. Bound from <see cref="SectionName"/>.</summary>
public sealed class WorkflowOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "CustomerCases:Workflows";

    /// <summary>Wall-clock limit for one JavaScript evaluation.</summary>
    public TimeSpan ScriptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Statement limit for one JavaScript evaluation.</summary>
    public int ScriptMaxStatements { get; set; } = 100_000;

    /// <summary>Call-depth limit for JavaScript.</summary>
    public int ScriptMaxRecursion { get; set; } = 64;

    /// <summary>Memory limit (bytes allocated) for one JavaScript evaluation.</summary>
    public long ScriptMemoryLimitBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Guard against runaway loops: most activity executions in one run before it faults.</summary>
    public int MaxStepsPerExecution { get; set; } = 10_000;

    /// <summary>Hosts that SendHttpRequest may call (exact host names, case-insensitive). Empty means none.</summary>
    public IList<string> AllowedHttpHosts { get; } = [];
}
