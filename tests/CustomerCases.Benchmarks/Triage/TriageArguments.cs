using System.Globalization;
using CustomerCases.Classification.Training;

namespace CustomerCases.Benchmarks.Triage;

/// <summary>Command line of the triage scenario.</summary>
internal sealed record TriageArguments
{
    public const string Usage =
        "triage --train <csv> (--test <csv> | --holdout <fraction>) --text-column <name> --label-column <name> " +
        "[--oos-label oos] [--oos-rule balanced|accuracy|recall:<0..1>] [--oos-folds k (default 5; 0 = choose on the selection split)] [--oos-margin <standard errors, default 1>] [--candidates Kind,Kind] [--lbfgs-l2 0.1,0.01] [--threads n] [--seed n] [--budget-seconds s] [--save <file>] [--embedder minilm] [--embedder-threads n] [--embedding-candidates Kind,Kind] [--blend-candidates Kind,Kind|none] [--embedding-cache <folder outside the repo>]";

    public required string Train { get; init; }
    public string? Test { get; init; }
    public double? Holdout { get; init; }
    public string TextColumn { get; init; } = "text";
    public string LabelColumn { get; init; } = "label";
    public string? OosLabel { get; init; }
    public string OosRule { get; init; } = "balanced";
    public int OosFolds { get; init; } = 5;
    public double OosMargin { get; init; } = 1.0;
    public IReadOnlyList<TriageTrainerKind>? Candidates { get; init; }
    public IReadOnlyList<double>? LbfgsL2Grid { get; init; }
    public int? Threads { get; init; }
    public int Seed { get; init; } = 1;
    public string? Save { get; init; }
    public double? BudgetSeconds { get; init; }
    public string? Embedder { get; init; }
    public int EmbedderThreads { get; init; } = 1;
    public IReadOnlyList<TriageTrainerKind>? EmbeddingCandidates { get; init; }
    public IReadOnlyList<TriageTrainerKind>? BlendCandidates { get; init; }
    public string? EmbeddingCache { get; init; }

    public static TriageArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }
            values[args[i][2..]] = args[++i];
        }
        string? Get(string key) => values.TryGetValue(key, out var v) ? v : null;
        double? GetDouble(string key) => Get(key) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : null;
        var parsed = new TriageArguments
        {
            Train = Get("train") ?? throw new ArgumentException("--train is required"),
            Test = Get("test"),
            Holdout = GetDouble("holdout"),
            TextColumn = Get("text-column") ?? "text",
            LabelColumn = Get("label-column") ?? "label",
            OosLabel = Get("oos-label"),
            OosRule = Get("oos-rule") ?? "balanced",
            OosFolds = Get("oos-folds") is { } f ? int.Parse(f, CultureInfo.InvariantCulture) : 5,
            OosMargin = GetDouble("oos-margin") ?? 1.0,
            Candidates = Get("candidates")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(Enum.Parse<TriageTrainerKind>).ToArray(),
            LbfgsL2Grid = Get("lbfgs-l2")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray(),
            Threads = Get("threads") is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : null,
            Seed = Get("seed") is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : 1,
            Save = Get("save"),
            BudgetSeconds = GetDouble("budget-seconds"),
            Embedder = Get("embedder"),
            EmbeddingCandidates = Get("embedding-candidates") is { } ec ? ParseKinds(ec) : null,
            BlendCandidates = Get("blend-candidates") is { } bc ? ParseKinds(bc) : null,
            EmbeddingCache = Get("embedding-cache"),
            EmbedderThreads = Get("embedder-threads") is { } et ? int.Parse(et, CultureInfo.InvariantCulture) : 1,
        };
        if (parsed.Embedder is not null and not "minilm")
        {
            throw new ArgumentException("--embedder: only 'minilm' is available");
        }
        // Fail before minutes of training, not after.
        OutOfScopeRule.Choose([], "oos", parsed.OosRule);
        parsed.OutOfScope()?.Validate();
        if (parsed.Test is null && parsed.Holdout is null)
        {
            throw new ArgumentException("give --test <csv> or --holdout <fraction>");
        }
        return parsed;
    }

    /// <summary>"none" = an empty list (e.g. no concatenation candidates).</summary>
    private static TriageTrainerKind[] ParseKinds(string value) =>
        value.Equals("none", StringComparison.OrdinalIgnoreCase)
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<TriageTrainerKind>).ToArray();

    /// <summary>
    /// What training is asked to calibrate: with --oos-label and a recall rule (the only rule with a stated goal),
    /// unless --oos-folds 0. The other rules are compared on the out-of-fold predictions by the report.
    /// </summary>
    public OutOfScopeOptions? OutOfScope() =>
        OosLabel is { } label && OosFolds > 0 && OutOfScopeRule.TryParseRecall(OosRule) is { } target
            ? new OutOfScopeOptions { Label = label, TargetRecall = target, Folds = OosFolds, MarginStandardErrors = OosMargin }
            : null;

    public TrainingOptions ToTrainingOptions(Classification.Embeddings.ISentenceEmbedder? embedder = null)
    {
        var options = new TrainingOptions
        {
            OutOfScope = OutOfScope(),
            Embedder = embedder,
            Seed = Seed,
            MaxThreads = Threads,
            SelectionBudget = BudgetSeconds is { } b ? TimeSpan.FromSeconds(b) : null,
        };
        if (Candidates is not null)
        {
            options = options with { Candidates = Candidates };
        }
        if (EmbeddingCandidates is not null)
        {
            options = options with { EmbeddingCandidates = EmbeddingCandidates };
        }
        if (BlendCandidates is not null)
        {
            options = options with { EmbeddingBlendCandidates = BlendCandidates };
        }
        if (LbfgsL2Grid is not null)
        {
            options = options with { LbfgsL2Grid = LbfgsL2Grid };
        }
        return options;
    }
}
