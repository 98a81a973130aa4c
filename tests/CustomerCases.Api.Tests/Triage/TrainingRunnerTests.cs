using System.Collections.Concurrent;
using System.Diagnostics;
using CustomerCases.Api.Triage;
using CustomerCases.Api.Triage.Training;
using CustomerCases.Classification.DependencyInjection;
using CustomerCases.Classification.Embeddings;
using CustomerCases.Classification.Models;
using CustomerCases.Classification.Training;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Tests.Triage;

/// <summary>
/// The two ways to train (performance goal G8): a worker process of the service started at nice 19, whose threads all
/// yield to intake, and the in-process fallback on one low-priority thread. No database: the job's tests cover that.
/// </summary>
public sealed class TrainingRunnerTests
{
    private static readonly ClassificationOptions Fast = new() { Candidates = [TriageTrainerKind.LbfgsMaximumEntropy] };

    [Fact]
    public async Task ChildProcess_TrainsInAWorkerAtNice19_AndScoresCandidateAndActiveOnTheSameRows()
    {
        var (training, evaluation) = Data();
        var active = Package(new TriageTrainer(Fast.ToTrainingOptions()).Train(training));
        var runner = Child();

        var outcome = await runner.TrainAsync(new TriageTrainingRequest(training, evaluation, active), TestContext.Current.CancellationToken);

        Assert.NotEqual(Environment.ProcessId, outcome.Worker.ProcessId);
        Assert.True(outcome.Scores["category"].Candidate > 0.5, $"candidate {outcome.Scores["category"].Candidate}");
        Assert.False(double.IsNaN(outcome.Scores["category"].Active));
        using var stream = new MemoryStream(outcome.Package);
        var loaded = ModelPackage.Load(stream);
        Assert.Equal(outcome.Manifest.VersionId, loaded.VersionId);
        Assert.Equal(["billing", "delivery"], loaded.Find("category")!.Labels.Order());
        if (OperatingSystem.IsLinux())
        {
            // Not by inheritance: this process runs below 19, and the worker's thread pool (ML.NET's helpers) is at 19 too.
            Assert.SkipWhen(LowPriorityWork.CurrentNice() >= TrainingWorkerCommand.Nice, "the test process itself runs at nice 19: cannot tell the worker's priority from inheritance");
            Assert.Equal(TrainingWorkerCommand.Nice, outcome.Worker.WorkThreadNice);
            Assert.Equal(TrainingWorkerCommand.Nice, outcome.Worker.PoolThreadNice);
        }
    }

    [Fact]
    public async Task ChildProcess_DeletesTheFolderOfARunAStoppedServiceLeftBehind_NotThoseOfRunsInProgress()
    {
        // A crashed service's run folder holds customers' texts; a folder written recently may be another service's live run.
        var abandoned = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), TrainingFolders.Prefix + "test-abandoned-" + Guid.NewGuid().ToString("N")));
        var live = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), TrainingFolders.Prefix + "test-live-" + Guid.NewGuid().ToString("N")));
        try
        {
            await File.WriteAllTextAsync(Path.Combine(abandoned.FullName, "request.json"), "{}", TestContext.Current.CancellationToken);
            Directory.SetLastWriteTimeUtc(abandoned.FullName, DateTime.UtcNow - TrainingFolders.AbandonedAfter - TimeSpan.FromHours(1));
            var (training, evaluation) = Data();

            await Child().TrainAsync(new TriageTrainingRequest(training, evaluation), TestContext.Current.CancellationToken);

            Assert.False(Directory.Exists(abandoned.FullName), "the abandoned run's folder is still there");
            Assert.True(Directory.Exists(live.FullName), "a recent run's folder was deleted");
        }
        finally
        {
            foreach (var folder in new[] { abandoned, live })
            {
                if (Directory.Exists(folder.FullName))
                {
                    folder.Delete(recursive: true);
                }
            }
        }
    }

    [Fact]
    public async Task ChildProcess_WithoutActiveModel_ScoresItNaN()
    {
        var (training, evaluation) = Data();

        var outcome = await Child().TrainAsync(new TriageTrainingRequest(training, evaluation), TestContext.Current.CancellationToken);

        Assert.True(double.IsNaN(outcome.Scores["category"].Active));
    }

    [Fact]
    public async Task ChildProcess_WorkerFails_TheReasonReachesTheCaller()
    {
        var (training, _) = Data();
        var runner = Child(embedder: new UnknownEmbedder());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => runner.TrainAsync(new TriageTrainingRequest(training), TestContext.Current.CancellationToken));

        Assert.StartsWith("the training worker process exited with code 1: the training worker process cannot construct the sentence embedder 'unknown-test-encoder'",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChildProcess_Cancelled_KillsTheWorker()
    {
        var logger = new CapturingLogger();
        var runner = Child(logger: logger);
        using var cancellation = new CancellationTokenSource();
        logger.OnMessage = message =>
        {
            if (message.StartsWith("Triage training worker started", StringComparison.Ordinal))
            {
                cancellation.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.TrainAsync(new TriageTrainingRequest(Data().Training), cancellation.Token));

        var pid = int.Parse(logger.Messages.Single(m => m.StartsWith("Triage training worker started", StringComparison.Ordinal)).Split("pid ")[1].TrimEnd(')'),
            System.Globalization.CultureInfo.InvariantCulture);
        // The runner waited for the exit: the worker is gone (and reaped), and it never finished training.
        Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
        Assert.DoesNotContain(logger.Messages, m => m.StartsWith("Triage training worker: trained", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Worker_ServiceGone_ExitsWithoutFinishing()
    {
        var folder = Directory.CreateTempSubdirectory("cc-worker-test-");
        try
        {
            var request = Path.Combine(folder.FullName, "request.json");
            var result = Path.Combine(folder.FullName, "result.json");
            TrainingWorkerFiles.Write(request, new TrainingWorkerRequest(DatasetFile.From(Data().Training), null, null,
                Path.Combine(folder.FullName, "candidate.ccmodel"), WorkerTrainingSettings.From(Fast, null, 1)));
            using var worker = Process.Start(TrainingWorkerCommand.Create(request, result))!;
            var errors = worker.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

            worker.StandardInput.Close(); // what the service's death does to the pipe
            await worker.WaitForExitAsync(TestContext.Current.CancellationToken);

            Assert.Equal(3, worker.ExitCode);
            Assert.Contains("the service that started this worker is gone", await errors, StringComparison.Ordinal);
            Assert.False(File.Exists(result));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task InProcess_TrainsOnALowPriorityThreadOfThisProcess()
    {
        var (training, evaluation) = Data();
        var runner = new InProcessTrainingRunner(Options.Create(Fast), []);

        var outcome = await runner.TrainAsync(new TriageTrainingRequest(training, evaluation), TestContext.Current.CancellationToken);

        Assert.Equal(Environment.ProcessId, outcome.Worker.ProcessId);
        Assert.True(outcome.Scores["category"].Candidate > 0.5);
        if (OperatingSystem.IsLinux())
        {
            Assert.True(outcome.Worker.WorkThreadNice >= LowPriorityWork.Nice, $"nice {outcome.Worker.WorkThreadNice}");
        }
    }

    private static ChildProcessTrainingRunner Child(ISentenceEmbedder? embedder = null, ILogger<ChildProcessTrainingRunner>? logger = null) =>
        new(Options.Create(Fast), Options.Create(new TriageOptions()), embedder is null ? [] : [embedder], TimeProvider.System,
            logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<ChildProcessTrainingRunner>.Instance);

    private static byte[] Package(TrainedModel model)
    {
        using var stream = new MemoryStream();
        ModelPackage.Save(model, stream);
        return stream.ToArray();
    }

    /// <summary>Two categories with distinct words; every fourth row held back for scoring.</summary>
    private static (LabelledDataset Training, LabelledDataset Evaluation) Data()
    {
        var rows = Enumerable.Range(0, 40).SelectMany(i => new[]
        {
            ($"my invoice {i} shows a wrong amount on the bill", "billing"),
            ($"the parcel {i} never arrived at my address", "delivery"),
        }).ToList();
        return (LabelledDataset.FromPairs(rows.Where((_, i) => i % 4 != 0), "category", "test rows"),
            LabelledDataset.FromPairs(rows.Where((_, i) => i % 4 == 0), "category", "held back"));
    }

    /// <summary>An embedder registered in code: the worker process cannot construct it.</summary>
    private sealed class UnknownEmbedder : ISentenceEmbedder
    {
        public string Id => "unknown-test-encoder";

        public int Dimension => 2;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) => texts.Select(_ => new float[Dimension]).ToArray();
    }

    private sealed class CapturingLogger : ILogger<ChildProcessTrainingRunner>
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public Action<string>? OnMessage { get; set; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            Messages.Enqueue(message);
            OnMessage?.Invoke(message);
        }
    }
}
