namespace CustomerCases.Benchmarks;

/// <summary>Maps a scenario name to its runner. Add a scenario by adding one line here.</summary>
internal static class ScenarioCatalog
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Scenarios = new(StringComparer.OrdinalIgnoreCase)
    {
        ["intake"] = Intake.IntakeScenario.RunAsync,
        ["sla-intake"] = Sla.SlaIntakeScenario.RunAsync,
        ["sla-precision"] = Sla.SlaPrecisionScenario.RunAsync,
        ["triage"] = Triage.TriageScenario.RunAsync,
        ["engine"] = Engine.EngineScenario.RunAsync,
        ["engine-durable"] = Durable.EngineDurableScenario.RunAsync,
        ["engine-durable-inprocess"] = Durable.DurableEngineScenario.RunAsync,
        ["complete-task"] = Resume.ResumeScenario.CompleteTaskAsync,
        ["event-resume"] = Resume.ResumeScenario.EventResumeAsync,
        ["soak-growth"] = Soak.SoakGrowthScenario.RunAsync,
        ["cold-start"] = ColdStart.ColdStartScenario.RunAsync,
        ["triage-intake"] = TriageIntake.TriageIntakeScenario.RunAsync,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Scenarios.TryGetValue(args[0], out var run))
        {
            Console.Error.WriteLine($"usage: <scenario> [options]; scenarios: {string.Join(", ", Scenarios.Keys.Order())}");
            return 2;
        }
        return await run(args[1..]);
    }
}
