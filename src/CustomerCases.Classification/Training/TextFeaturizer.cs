using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace CustomerCases.Classification.Training;

/// <summary>Builds the text featurisation estimators ("Text" → "Features").</summary>
internal static class TextFeaturizer
{
    public const string TextColumn = "Text";
    public const string FeaturesColumn = "Features";
    private const string NgramColumn = "NgramFeatures";

    /// <summary>Rows a word n-gram must appear in to be kept for tree learners (triage.md §3).</summary>
    private const int MinimumRowsForTreeFeature = 5;

    public static IEstimator<ITransformer> Create(MLContext ml, FeatureSet set, TrainingOptions options)
    {
        if (set == FeatureSet.Embedding)
        {
            // The encoder's vectors are already L2-normalised: nothing to learn, the trainer reads them as they are.
            return ml.Transforms.CopyColumns(FeaturesColumn, Embeddings.EmbeddingSchema.Column);
        }
        var words = new WordBagEstimator.Options
        {
            NgramLength = options.WordNgramLength,
            UseAllLengths = true,
            Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
        };
        var featurize = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepPunctuations = false,
            KeepDiacritics = false,
            KeepNumbers = true,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
            WordFeatureExtractor = words,
            CharFeatureExtractor = set == FeatureSet.WordCharTfIdf
                ? new WordBagEstimator.Options
                {
                    NgramLength = options.CharNgramLength,
                    UseAllLengths = false,
                    Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
                }
                : null,
        };
        if (set == FeatureSet.WordCharTfIdfAndEmbedding)
        {
            featurize.CharFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = options.CharNgramLength,
                UseAllLengths = false,
                Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
            };
            return ml.Transforms.Text.FeaturizeText(NgramColumn, featurize, TextColumn)
                .Append(ml.Transforms.Concatenate(FeaturesColumn, NgramColumn, Embeddings.EmbeddingSchema.Column));
        }
        IEstimator<ITransformer> estimator = ml.Transforms.Text.FeaturizeText(FeaturesColumn, featurize, TextColumn);
        if (set == FeatureSet.FrequentWordTfIdf)
        {
            estimator = estimator.Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(FeaturesColumn, count: MinimumRowsForTreeFeature));
        }
        return estimator;
    }

    public static string Describe(FeatureSet set, TrainingOptions options) => set switch
    {
        FeatureSet.WordCharTfIdf => $"FeaturizeText(word 1-{options.WordNgramLength} + char {options.CharNgramLength}-grams, TF-IDF, lower, no punctuation, L2)",
        FeatureSet.WordCharTfIdfAndEmbedding => $"[FeaturizeText(word 1-{options.WordNgramLength} + char {options.CharNgramLength}-grams, TF-IDF, lower, no punctuation, L2), {options.Embedder?.Id ?? "sentence"} embedding]",
        FeatureSet.Embedding => $"{options.Embedder?.Id ?? "sentence"} embedding",
        _ => $"FeaturizeText(word 1-{options.WordNgramLength}-grams, TF-IDF, L2) + SelectFeaturesBasedOnCount(≥{MinimumRowsForTreeFeature})",
    };
}
