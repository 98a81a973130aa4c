namespace CustomerCases.Classification.Training;

/// <summary>Settings of a training run. The defaults are the values measured in triage.md §3, not ML.NET's defaults.</summary>
public sealed record TrainingOptions
{
    /// <summary>All trainers, in the order they are tried: best-measured linear ones first, slow tree ensembles last.</summary>
    public static IReadOnlyList<TriageTrainerKind> AllCandidates { get; } = Enum.GetValues<TriageTrainerKind>();

    /// <summary>Trainers to try; the best on validation macro-F1 wins.</summary>
    public IReadOnlyList<TriageTrainerKind> Candidates { get; init; } = AllCandidates;

    /// <summary>L2 values tried for L-BFGS maximum entropy (L1 = 0). ML.NET's default (L1 = L2 = 1) loses ~10 points.</summary>
    public IReadOnlyList<double> LbfgsL2Grid { get; init; } = [0.1, 0.01, 0.001];

    /// <summary>Share of each label carved out (stratified) as the validation split.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Seed of the split and of ML.NET; the same seed and data give the same model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Thread cap for the trainers that take one (L-BFGS, SDCA, LightGBM, FastTree), so a retraining job
    /// leaves cores to intake (performance goal G8). Null = ML.NET's choice (all cores).
    /// </summary>
    public int? MaxThreads { get; init; }

    /// <summary>
    /// One-versus-all tree ensembles train one ensemble per class (≈ 4 minutes for 77 classes, triage.md §3):
    /// above this many classes they are skipped to keep selection within its time budget.
    /// </summary>
    public int MaxClassesForOneVersusAllTrees { get; init; } = 20;

    /// <summary>Refit the winner on all rows (train + validation) after selection. Off = keep the selection fit (faster).</summary>
    public bool RefitOnAllRows { get; init; } = true;

    /// <summary>Word n-gram length (1..n) of the text features.</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Character n-gram length (exactly n) of the text features.</summary>
    public int CharNgramLength { get; init; } = 3;

    /// <summary>Validation precision wanted among auto-applied labels; sets the advised auto-apply threshold.</summary>
    public double AutoApplyTargetPrecision { get; init; } = 0.95;

    /// <summary>Validation precision wanted among suggested labels; sets the advised suggest threshold.</summary>
    public double SuggestTargetPrecision { get; init; } = 0.80;

    /// <summary>
    /// Wall-time budget of the selection per label set. Candidates not started when it runs out are reported as skipped
    /// (the linear ones, tried first, are the ones that matter on text). The first candidate always runs, so there is a model.
    /// Null = no budget, fully reproducible runs.
    /// </summary>
    public TimeSpan? SelectionBudget { get; init; }

    /// <summary>
    /// Sentence encoder for the refinement candidates (n-grams + embedding). Null = n-gram candidates only. When an
    /// embedding candidate wins, the label set keeps the best n-gram candidate too: it answers at intake (fast, goal G7)
    /// and the refinement replaces its answer right after the commit.
    /// </summary>
    public Embeddings.ISentenceEmbedder? Embedder { get; init; }

    /// <summary>
    /// Linear trainers also tried on n-grams + embedding (one concatenated vector) when <see cref="Embedder"/> is set.
    /// None by default: on BANKING77 validation the blend (<see cref="EmbeddingBlendCandidates"/>) is as accurate
    /// (0.926 vs 0.923) and its fit is ~7× cheaper (README), which keeps retraining within its 5-minute budget.
    /// </summary>
    public IReadOnlyList<TriageTrainerKind> EmbeddingCandidates { get; init; } = [];

    /// <summary>
    /// Linear trainers tried on the embedding alone when <see cref="Embedder"/> is set; each is then blended with the
    /// intake n-gram model (probability average, weight of the n-gram model chosen on validation from
    /// <see cref="BlendWeights"/>) and the blend competes with the other candidates.
    /// </summary>
    public IReadOnlyList<TriageTrainerKind> EmbeddingBlendCandidates { get; init; } = [TriageTrainerKind.LbfgsMaximumEntropy];

    /// <summary>Weights of the n-gram model tried for a blend (0 = the embedding model alone).</summary>
    public IReadOnlyList<double> BlendWeights { get; init; } = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7];

    /// <summary>
    /// When set, label sets holding <see cref="OutOfScopeOptions.Label"/> get an out-of-scope threshold chosen on
    /// out-of-fold predictions of the final configuration (extra fits: <see cref="OutOfScopeOptions.Folds"/> − 1 per
    /// member of the final configuration). Null = none (no extra cost).
    /// </summary>
    public OutOfScopeOptions? OutOfScope { get; init; }

    /// <summary>Labels with fewer rows than this are dropped from a label set (they cannot be learned or validated).</summary>
    public int MinimumRowsPerLabel { get; init; } = 2;
}
