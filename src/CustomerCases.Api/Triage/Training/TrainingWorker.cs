using System.Globalization;
using CustomerCases.Classification.Metrics;

namespace CustomerCases.Api.Triage.Training;

/// <summary>
/// The service's executable in training-worker mode: <c>CustomerCases.Api --triage-train-worker &lt;request&gt; &lt;result&gt;</c>.
/// Started by <see cref="ChildProcessTrainingRunner"/> at the lowest priority, so every thread ML.NET uses (its own,
/// the thread pool's, the JIT's, the GC's) yields the cores to intake (performance goal G8). It builds no web host,
/// opens no database and starts no jobs: it reads the request file, trains, writes the package and the result file.
/// Progress lines go to stdout, a failure to stderr (first line <see cref="FailurePrefix"/>) with exit code 1; when
/// stdin closes (the service is gone) it exits with 3.
/// </summary>
internal static class TrainingWorker
{
    public const string Switch = "--triage-train-worker";

    /// <summary>Starts the stderr line that says why the worker failed (the parent records it on the run).</summary>
    public const string FailurePrefix = "training worker failed: ";

    public static bool IsInvocation(string[] args) => args.Length > 0 && args[0] == Switch;

    public static int Run(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine(FailurePrefix + $"usage: {Switch} <request-file> <result-file>");
            return 2;
        }

        ExitWhenTheServiceIsGone();
        try
        {
            var request = TrainingWorkerFiles.Read<TrainingWorkerRequest>(args[1]);
            var embedder = TrainingWorkerEmbedders.Create(request.Settings.EmbedderId, request.Settings.EmbedderThreads);
            using var disposeEmbedder = embedder as IDisposable;
            var active = request.ActivePackageFile is { } activeFile ? File.ReadAllBytes(activeFile) : null;
            var work = new TriageTrainingRequest(request.Training.ToDataset(), request.Evaluation?.ToDataset(), active);
            Console.Out.WriteLine($"training on {work.Training.Rows.Count} rows ({work.Training.Source}), pid {Environment.ProcessId}, nice {LowPriorityWork.CurrentNice()?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}");
            var outcome = TriageTrainingWork.Run(work, request.Settings.ToTrainingOptions(embedder), new ConsoleProgress(), CancellationToken.None);
            File.WriteAllBytes(request.PackageFile, outcome.Package);
            TrainingWorkerFiles.Write(args[2], new TrainingWorkerResult(outcome.Scores.ToDictionary(), outcome.Worker));
            Console.Out.WriteLine($"trained {outcome.Manifest.VersionId}");
            return 0;
        }
        catch (Exception ex)
        {
            Console.Error.WriteLine(FailurePrefix + ex.Message);
            Console.Error.WriteLine(ex);
            return 1;
        }
    }

    /// <summary>
    /// The service keeps our stdin open and never writes to it: end of input means it died (or was killed), and a
    /// training nobody will collect must not go on using CPU for minutes.
    /// </summary>
    private static void ExitWhenTheServiceIsGone() => new Thread(() =>
    {
        while (Console.In.Read() != -1)
        {
        }

        Console.Error.WriteLine(FailurePrefix + "the service that started this worker is gone (stdin closed)");
        Environment.Exit(3);
    })
    {
        IsBackground = true,
        Name = "service-watch",
    }.Start();

    /// <summary>Writes each candidate's result as it finishes (synchronously: <see cref="Progress{T}"/> would post to the pool).</summary>
    private sealed class ConsoleProgress : IProgress<CandidateResult>
    {
        public void Report(CandidateResult value) => Console.Out.WriteLine(value.Skipped is { } skipped
            ? $"candidate {value.Candidate}: skipped ({skipped})"
            : string.Create(CultureInfo.InvariantCulture, $"candidate {value.Candidate}: macro-F1 {value.MacroF1:F4}, accuracy {value.Accuracy:F4}, {value.TrainSeconds:F1} s"));
    }
}
