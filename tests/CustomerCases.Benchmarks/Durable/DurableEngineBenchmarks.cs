using BenchmarkDotNet.Attributes;
using CustomerCases.Api.Features.Elsa.Definitions;
using CustomerCases.Api.Features.Elsa.Shared;
using CustomerCases.Api.Features.Shared;
using CustomerCases.Api.Features.Tasks;
using CustomerCases.Api.Jobs;
using CustomerCases.Api.Workflows;
using CustomerCases.Benchmarks.Baselines;
using CustomerCases.Benchmarks.Engine;
using CustomerCases.Benchmarks.Sla;
using CustomerCases.Benchmarks.Workloads;
using CustomerCases.Persistence;
using CustomerCases.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Benchmarks.Durable;

/// <summary>
/// G4-durable in process: the engine scenario's 10-activity linear workflow run by the service's own unit of work —
/// <see cref="ExecuteDefinition.RunAsync"/>, what <c>POST .../execute</c> does without HTTP: a request scope, the
/// published version looked up, the run, one transaction with the instance row and its journal, commit — on a SQLite
/// file (WAL, synchronous=NORMAL); against B-insert's storage in the same class (<see cref="SerialSqliteWriter"/>:
/// one prepared single-row INSERT, one commit, same file settings) so Ratio is the goal. Figures are per workflow
/// (per row for the baseline); every invocation runs <see cref="OperationsPerInvoke"/> of them one after another.
/// </summary>
[MemoryDiagnoser]
public class DurableEngineBenchmarks
{
    public const int OperationsPerInvoke = 50;

    private string? _folder;
    private InProcessService? _service;
    private IServiceProvider? _services;
    private SerialSqliteWriter? _baseline;
    private readonly InsertRequest _row = new(new InsertRequest.CustomerBody("bench@example.com", "Bench"), "Benchmark", "A row as large as a small case.", "api");

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("cc-bench-durable-").FullName;
        var workflows = BenchWorkflows.WriteFolder(_folder, "workflows",
            ("g4-linear-js", LinearDefinition.Json(javaScript: true)), ("g4-linear-literal", LinearDefinition.Json(javaScript: false)));
        // Nothing else in the process: no job server polling, no starter-model training, no MiniLM.
        _service = InProcessService.StartAsync(new Dictionary<string, string>
        {
            ["Workflows:DefinitionsFolder"] = workflows,
            ["Jobs:RunServer"] = "false",
            ["Triage:TrainStarterModelWhenEmpty"] = "false",
            ["Triage:Refinement:Enabled"] = "false",
            ["Triage:Refinement:RunWorker"] = "false",
        }, CancellationToken.None).GetAwaiter().GetResult();
        _services = _service.Services;
        _baseline = new SerialSqliteWriter(Path.Combine(_folder, "baseline.db"), SqliteDatabaseSettings.Default, TimeProvider.System);
        foreach (var definitionId in new[] { "g4-linear-js", "g4-linear-literal" })
        {
            var status = RunOneAsync(definitionId).GetAwaiter().GetResult();
            if (status != WorkflowStatus.Finished)
            {
                throw new InvalidOperationException($"{definitionId}: expected Finished, got {status}.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _baseline?.Dispose();
        _service?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_folder is not null)
        {
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } // best effort: a temp folder
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = OperationsPerInvoke)]
    public async Task RawInsert()
    {
        for (var i = 0; i < OperationsPerInvoke; i++)
        {
            await _baseline!.InsertAsync(_row);
        }
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public async Task DurableJavaScript()
    {
        for (var i = 0; i < OperationsPerInvoke; i++)
        {
            await RunOneAsync("g4-linear-js");
        }
    }

    [Benchmark(OperationsPerInvoke = OperationsPerInvoke)]
    public async Task DurableLiteral()
    {
        for (var i = 0; i < OperationsPerInvoke; i++)
        {
            await RunOneAsync("g4-linear-literal");
        }
    }

    private async Task<WorkflowStatus> RunOneAsync(string definitionId)
    {
        await using var scope = _services!.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var write = new WorkflowWrite(provider.GetRequiredService<CustomerCasesDbContext>(), provider.GetRequiredService<WriteGate>(),
            provider.GetRequiredService<WorkflowRuntime>(), provider.GetRequiredService<WorkflowTimerScheduler>(),
            provider.GetRequiredService<TaskRouting>(), provider.GetServices<IDerivedChanges>());
        var (run, problem) = await ExecuteDefinition.RunAsync(definitionId, null, write, provider.GetRequiredService<RunnableVersions>(), CancellationToken.None);
        return run?.Result.State.Status ?? throw new InvalidOperationException($"{definitionId}: {problem}");
    }
}
