using System.Diagnostics;
using CustomerCases.Classification.DependencyInjection;
using CustomerCases.Classification.Embeddings;
using CustomerCases.Classification.Models;
using Microsoft.Extensions.Options;

namespace CustomerCases.Api.Triage.Training;

/// <summary>
/// Trains in a child process (<see cref="TrainingWorker"/>) started at nice 19 (BelowNormal priority class where there
/// is no nice), so all of training's CPU — ML.NET's thread-pool work items and the JIT included, about half of it —
/// yields to intake (performance goal G8). In-process, only the training thread itself could be lowered. Data goes in
/// and the package comes back through files in a private temporary folder, deleted afterwards; the worker's output
/// reaches this service's log; cancelling kills the worker; a worker that fails fails the run with its reason.
/// </summary>
internal sealed partial class ChildProcessTrainingRunner(IOptions<ClassificationOptions> classification, IOptions<TriageOptions> triage,
    IEnumerable<ISentenceEmbedder> embedders, TimeProvider time, ILogger<ChildProcessTrainingRunner> logger) : ITriageTrainingRunner
{
    private const int ErrorLinesKept = 20;

    public async Task<TriageTrainingOutcome> TrainAsync(TriageTrainingRequest request, CancellationToken ct)
    {
        var abandoned = TrainingFolders.DeleteAbandoned(time.GetUtcNow(), TrainingFolders.AbandonedAfter);
        if (abandoned > 0)
        {
            LogAbandonedDeleted(logger, abandoned);
        }

        var folder = TrainingFolders.Create();
        try
        {
            var requestFile = Path.Combine(folder.FullName, "request.json");
            var resultFile = Path.Combine(folder.FullName, "result.json");
            var packageFile = Path.Combine(folder.FullName, "candidate" + ModelPackage.Extension);
            string? activeFile = null;
            if (request.ActivePackage is { } active)
            {
                activeFile = Path.Combine(folder.FullName, "active" + ModelPackage.Extension);
                await File.WriteAllBytesAsync(activeFile, active, ct);
            }

            var settings = WorkerTrainingSettings.From(classification.Value, embedders.FirstOrDefault()?.Id, triage.Value.Refinement.EmbedderThreads);
            TrainingWorkerFiles.Write(requestFile, new TrainingWorkerRequest(DatasetFile.From(request.Training),
                request.Evaluation is { } evaluation ? DatasetFile.From(evaluation) : null, activeFile, packageFile, settings));

            await RunWorkerAsync(requestFile, resultFile, ct);

            var result = TrainingWorkerFiles.Read<TrainingWorkerResult>(resultFile);
            var package = await File.ReadAllBytesAsync(packageFile, ct);
            using var stream = new MemoryStream(package);
            return new TriageTrainingOutcome(package, ModelPackage.ReadManifest(stream), result.Scores, result.Worker);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException ex)
            {
                LogCleanupFailed(logger, folder.FullName, ex);
            }
        }
    }

    private async Task RunWorkerAsync(string requestFile, string resultFile, CancellationToken ct)
    {
        using var process = new Process { StartInfo = TrainingWorkerCommand.Create(requestFile, resultFile) };
        var errors = new Queue<string>();
        string? failure = null;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                LogWorkerOutput(logger, line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            LogWorkerError(logger, line);
            lock (errors)
            {
                if (line.StartsWith(TrainingWorker.FailurePrefix, StringComparison.Ordinal))
                {
                    failure ??= line[TrainingWorker.FailurePrefix.Length..];
                }

                errors.Enqueue(line);
                if (errors.Count > ErrorLinesKept)
                {
                    errors.Dequeue();
                }
            }
        };

        process.Start();
        if (!TrainingWorkerCommand.StartsNiced)
        {
            LowerPriority(process);
        }

        LogWorkerStarted(logger, process.Id);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await using (ct.Register(() => Kill(process)))
        {
            // Wait for the exit even when cancelled: the folder with the data is deleted only once the worker is gone.
            await process.WaitForExitAsync(CancellationToken.None);
        }

        ct.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
        {
            lock (errors)
            {
                throw new InvalidOperationException($"the training worker process exited with code {process.ExitCode}: " +
                    (failure ?? (errors.Count == 0 ? "no error output" : string.Join(" | ", errors))));
            }
        }
    }

    private static void LowerPriority(Process process)
    {
        try
        {
            // Windows (and a Linux without nice): the process's threads take the lower class. Best effort.
            process.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    [LoggerMessage(EventId = 3230, Level = LogLevel.Information, Message = "Triage training worker started (pid {ProcessId})")]
    private static partial void LogWorkerStarted(ILogger logger, int processId);

    [LoggerMessage(EventId = 3231, Level = LogLevel.Information, Message = "Triage training worker: {Line}")]
    private static partial void LogWorkerOutput(ILogger logger, string line);

    [LoggerMessage(EventId = 3232, Level = LogLevel.Warning, Message = "Triage training worker (stderr): {Line}")]
    private static partial void LogWorkerError(ILogger logger, string line);

    [LoggerMessage(EventId = 3234, Level = LogLevel.Information, Message = "Deleted {Count} training folder(s) a stopped service left behind")]
    private static partial void LogAbandonedDeleted(ILogger logger, int count);

    [LoggerMessage(EventId = 3233, Level = LogLevel.Warning, Message = "Could not delete the training folder {Folder}")]
    private static partial void LogCleanupFailed(ILogger logger, string folder, Exception exception);
}
