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

    /// <summary>
    /// Train (and score candidates) in a child process of the service at the lowest priority (nice 19), so all of
    /// training's threads yield to intake (performance goal G8). False = on a low-priority thread of this process, where
    /// ML.NET's thread-pool work and the JIT still compete with intake at normal priority.
    /// </summary>
    public bool TrainInChildProcess { get; set; } = true;

    /// <summary>Share of the labelled data held back to compare the candidate with the active model.</summary>
    public double EvaluationFraction { get; set; } = 0.2;

    /// <summary>"Model" (default) or "Stub": a classifier that predicts nothing, the baseline of performance goal G7.</summary>
    public string Classifier { get; set; } = "Model";

    /// <summary>The second triage stage: sentence embeddings, after the intake commit.</summary>
    public TriageRefinementOptions Refinement { get; set; } = new();
}

internal sealed class TriageRefinementOptions
{
    /// <summary>
    /// Load the MiniLM embedder: retraining then also tries n-grams + embedding candidates, and a model where one won
    /// refines each case after intake. Off = n-gram models only (a refinement stored in a model is then ignored).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Run the background worker on this node (tests drive it by hand instead).</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>ONNX Runtime threads of the embedder (1 leaves the other core to intake on a 2-core machine).</summary>
    public int EmbedderThreads { get; set; } = 1;

    /// <summary>How often the worker looks for pending refinements without being nudged (another node's intake, a restart).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Cases embedded together (the encoder is faster per text in batches).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Attempts before a refinement is given up (the intake answer then stands).</summary>
    public int MaxAttempts { get; set; } = 3;
}
