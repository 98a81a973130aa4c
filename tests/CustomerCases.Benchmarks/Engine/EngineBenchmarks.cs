using BenchmarkDotNet.Attributes;
using CustomerCases.Workflows;
using CustomerCases.Workflows.Definitions;
using CustomerCases.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;

namespace CustomerCases.Benchmarks.Engine;

/// <summary>
/// G4: the 10-activity linear workflow, in-process, no persistence, our engine against WorkflowCore 3.22.0 (in-memory
/// provider, <c>MaxConcurrentWorkflows</c> = processor count, its default) in the same class so Ratio is the goal.
/// Every invocation runs <see cref="WorkflowsPerInvoke"/> workflows to completion; figures are per workflow.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    public const int WorkflowsPerInvoke = 100;

    private readonly string[] _instanceIds = Enumerable.Range(0, WorkflowsPerInvoke).Select(i => $"g4-{i:D4}").ToArray();
    private ServiceProvider? _ourProvider;
    private IServiceScope? _ourScope;
    private WorkflowEngine? _engine;
    private WorkflowDefinition? _javaScriptDefinition;
    private WorkflowDefinition? _literalDefinition;
    private ServiceProvider? _theirProvider;
    private IWorkflowHost? _host;

    [GlobalSetup]
    public void Setup()
    {
        var ours = new ServiceCollection();
        ours.AddCustomerCasesWorkflows();
        _ourProvider = ours.BuildServiceProvider();
        _ourScope = _ourProvider.CreateScope();
        _engine = _ourScope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        _javaScriptDefinition = WorkflowDefinitionReader.Read(LinearDefinition.Json(javaScript: true));
        _literalDefinition = WorkflowDefinitionReader.Read(LinearDefinition.Json(javaScript: false));
        Verify(_javaScriptDefinition);
        Verify(_literalDefinition);

        StartWorkflowCore();
        WorkflowCore().GetAwaiter().GetResult();
        if (WorkflowCoreBatch.WrongCounters != 0) throw new InvalidOperationException("WorkflowCore: a workflow ended with Counter != 9.");
    }

    /// <summary>
    /// A fresh WorkflowCore host per iteration: its MemoryPersistenceProvider keeps every instance in a list and slows
    /// down as it grows (workflow-core #867; measured here: 1.4 → 3.4 ms/workflow over ~11 k accumulated instances), so
    /// without this the baseline would be measured at an instance count that depends on BDN's iteration count.
    /// </summary>
    [IterationSetup(Target = nameof(WorkflowCore))]
    public void FreshWorkflowCoreHost()
    {
        StopWorkflowCore();
        StartWorkflowCore();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        StopWorkflowCore();
        _ourScope?.Dispose();
        _ourProvider?.Dispose();
    }

    private void StartWorkflowCore()
    {
        var theirs = new ServiceCollection();
        theirs.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        theirs.AddWorkflow();
        _theirProvider = theirs.BuildServiceProvider();
        _host = _theirProvider.GetRequiredService<IWorkflowHost>();
        _host.RegisterWorkflow<LinearCounterWorkflow, CounterData>();
        _host.Start();
    }

    private void StopWorkflowCore()
    {
        _host?.Stop();
        _theirProvider?.Dispose();
        _host = null;
        _theirProvider = null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = WorkflowsPerInvoke, Description = "WorkflowCore 3.22 (in-memory)")]
    public async Task WorkflowCore()
    {
        var done = WorkflowCoreBatch.Begin(WorkflowsPerInvoke);
        for (var i = 0; i < WorkflowsPerInvoke; i++)
        {
            await _host!.StartWorkflow("g4-linear", 1, new CounterData());
        }
        await done;
    }

    [Benchmark(OperationsPerInvoke = WorkflowsPerInvoke, Description = "Ours, JavaScript getCounter() + 1")]
    public async Task OursJavaScript()
    {
        for (var i = 0; i < WorkflowsPerInvoke; i++)
        {
            await _engine!.StartAsync(_javaScriptDefinition!, new StartRequest(_instanceIds[i]));
        }
    }

    [Benchmark(OperationsPerInvoke = WorkflowsPerInvoke, Description = "Ours, Literal")]
    public async Task OursLiteral()
    {
        for (var i = 0; i < WorkflowsPerInvoke; i++)
        {
            await _engine!.StartAsync(_literalDefinition!, new StartRequest(_instanceIds[i]));
        }
    }

    private void Verify(WorkflowDefinition definition)
    {
        var result = _engine!.StartAsync(definition, new StartRequest("g4-verify")).GetAwaiter().GetResult();
        var counter = result.State.Variables.TryGetValue("Counter", out var value) ? value?.ToJsonString() : null;
        if (result.State.Status != WorkflowStatus.Finished || counter != "9" || result.Incidents.Count != 0)
        {
            throw new InvalidOperationException(
                $"{definition.Name}: status {result.State.Status}, Counter {counter ?? "<none>"}, incidents {result.Incidents.Count}; expected Finished, 9, 0.");
        }
    }
}
