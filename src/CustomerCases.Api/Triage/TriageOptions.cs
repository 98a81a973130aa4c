namespace CustomerCases.Api.Triage;

internal sealed class TriageOptions
{
    public const string SectionName = "Triage";

    /// <summary>Where cases go when the model is not sure of their category.</summary>
    public string TriageQueue { get; set; } = "triage";

    /// <summary>Train the starter model when the database has no model yet (a fresh install classifies from the first request).</summary>
    public bool TrainStarterModelWhenEmpty { get; set; } = true;

    /// <summary>How often each node checks which model is active (a switch needs no restart).</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Cron of the retraining job (Hangfire syntax).</summary>
    public string RetrainCron { get; set; } = "0 3 * * *";

    /// <summary>Share of the labelled data held back to compare the candidate with the active model.</summary>
    public double EvaluationFraction { get; set; } = 0.2;
}
