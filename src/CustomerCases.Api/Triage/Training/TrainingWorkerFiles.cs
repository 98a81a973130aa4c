using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCases.Classification.DependencyInjection;
using CustomerCases.Classification.Embeddings;
using CustomerCases.Classification.Training;

namespace CustomerCases.Api.Triage.Training;

/// <summary>
/// The files between the service and its training worker process: a request (data, settings, where to write the
/// package) and a result (scores, where it ran). Both are JSON in a private temporary folder deleted after the run.
/// </summary>
internal static class TrainingWorkerFiles
{
    /// <summary>Scores are NaN without an active model: JSON has no NaN, so it is written by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write<T>(string path, T value)
    {
        // Via a temporary name, so the reader never sees half a file.
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            JsonSerializer.Serialize(file, value, Json);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static T Read<T>(string path)
    {
        using var file = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(file, Json) ?? throw new InvalidDataException($"{path} is empty");
    }
}

/// <summary>A data set as JSON.</summary>
internal sealed record DatasetFile(string Source, IReadOnlyList<string> LabelColumns, IReadOnlyList<LabelledRow> Rows)
{
    public static DatasetFile From(LabelledDataset data) => new(data.Source, data.LabelColumns, data.Rows);

    public LabelledDataset ToDataset() => new(Source, LabelColumns, Rows);
}

/// <summary>
/// The settings that shape a training run: the service's classification options as they are (the worker converts them
/// exactly as in-process training does), and the sentence embedder by id (the worker constructs its own; see
/// <see cref="TrainingWorkerEmbedders"/>).
/// </summary>
internal sealed record WorkerTrainingSettings(ClassificationOptions Classification, string? EmbedderId, int EmbedderThreads)
{
    public static WorkerTrainingSettings From(ClassificationOptions options, string? embedderId, int embedderThreads) => new(options, embedderId, embedderThreads);

    public TrainingOptions ToTrainingOptions(ISentenceEmbedder? embedder) =>
        Classification.ToTrainingOptions() with { Embedder = embedder };
}

/// <param name="Training">Rows to train on.</param>
/// <param name="Evaluation">Held-back rows to score both models on; null = no scoring.</param>
/// <param name="ActivePackageFile">The active model's package; null = none.</param>
/// <param name="PackageFile">Where the worker writes the candidate's package.</param>
/// <param name="Settings">Training settings.</param>
internal sealed record TrainingWorkerRequest(DatasetFile Training, DatasetFile? Evaluation, string? ActivePackageFile, string PackageFile, WorkerTrainingSettings Settings);

/// <summary>What the worker writes when it succeeded (the package is in the request's <see cref="TrainingWorkerRequest.PackageFile"/>).</summary>
internal sealed record TrainingWorkerResult(Dictionary<string, EvaluationScores> Scores, WorkerReport Worker);
