using System.Diagnostics;
using CustomerCases.Classification.Runtime;
using Microsoft.ML;

namespace CustomerCases.Benchmarks.Triage;

/// <summary>Prediction latency (one PredictionEngine, one thread) and throughput (pooled predictor, one thread per core).</summary>
internal static class LatencyProbe
{
    private const int WarmUp = 50;

    public static (double P50Ms, double P99Ms, double PerSecond) SingleThread(ITransformer model, IReadOnlyList<string> texts)
    {
        var ml = new MLContext(1);
        using var engine = ml.Model.CreatePredictionEngine<ClassifierInput, ClassifierOutput>(model, inputSchemaDefinition: Classification.Embeddings.EmbeddingSchema.For<ClassifierInput>(null));
        var input = new ClassifierInput();
        var output = new ClassifierOutput();
        for (var i = 0; i < WarmUp; i++)
        {
            input.Text = texts[i % texts.Count];
            engine.Predict(input, ref output);
        }
        var samples = new double[texts.Count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < texts.Count; i++)
        {
            input.Text = texts[i];
            var start = Stopwatch.GetTimestamp();
            engine.Predict(input, ref output);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        var seconds = total.Elapsed.TotalSeconds;
        Array.Sort(samples);
        return (Percentile(samples, 0.50), Percentile(samples, 0.99), texts.Count / seconds);
    }

    public static (int Threads, double PerSecond) Pooled(LabelSetPredictor predictor, IReadOnlyList<string> texts)
    {
        var threads = Environment.ProcessorCount;
        for (var i = 0; i < WarmUp; i++)
        {
            predictor.PredictProbabilities(texts[i % texts.Count]);
        }
        var watch = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, worker =>
        {
            for (var i = worker; i < texts.Count; i += threads)
            {
                predictor.Predict(texts[i]);
            }
        });
        return (threads, texts.Count / watch.Elapsed.TotalSeconds);
    }

    /// <summary>The refinement's cost per case: one text embedded alone (as the worker does when cases trickle in) plus the prediction.</summary>
    public static (double P50Ms, double P99Ms, double PerSecond) Refinement(LabelSetPredictor refinement, Classification.Embeddings.ISentenceEmbedder embedder, IReadOnlyList<string> texts)
    {
        for (var i = 0; i < 20; i++)
        {
            refinement.Predict(texts[i % texts.Count], embedding: embedder.Embed([texts[i % texts.Count]])[0]);
        }
        var samples = new double[texts.Count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < texts.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            refinement.Predict(texts[i], embedding: embedder.Embed([texts[i]])[0]);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        var seconds = total.Elapsed.TotalSeconds;
        Array.Sort(samples);
        return (Percentile(samples, 0.50), Percentile(samples, 0.99), texts.Count / seconds);
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
