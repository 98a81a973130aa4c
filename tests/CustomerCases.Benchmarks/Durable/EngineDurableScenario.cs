using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CustomerCases.Benchmarks.Baselines;
using CustomerCases.Benchmarks.Engine;
using CustomerCases.Benchmarks.Intake;
using CustomerCases.Benchmarks.Load;
using CustomerCases.Benchmarks.Reporting;
using CustomerCases.Benchmarks.Workloads;

namespace CustomerCases.Benchmarks.Durable;

/// <summary>
/// Scenario "engine-durable" (G4-durable): the engine scenario's 10-activity linear workflow (Start → 9 × SetVariable →
/// End, JavaScript and Literal variants) run through the durable host over HTTP —
/// <c>POST /elsa/api/workflow-definitions/{id}/execute</c>: one instance row, its journal and one commit per workflow
/// — closed loop, against B-insert (one row, one commit per request) in the same run, order rotating per repetition.
/// </summary>
public static class EngineDurableScenario
{
    public static Task<int> RunAsync(string[] args) => ScenarioRun.RunAsync("engine-durable", args, MeasureAsync);

    private static async Task<int> MeasureAsync(ScenarioOptions options, string work, CancellationToken ct)
    {
        var facts = RunFacts.Collect(TimeProvider.System);
        var loads = new List<string> { ScenarioRun.LoadAverage() };
        var folder = BenchWorkflows.WriteFolder(work, "workflows",
            ("g4-linear-js", LinearDefinition.Json(javaScript: true)), ("g4-linear-literal", LinearDefinition.Json(javaScript: false)));
        await using var baseline = await BaselineServer.StartAsync(work, SqliteDatabaseSettings.Default, ct);
        await using var service = await BenchService.StartAsync(work, folder, ct);
        using var client = new LoadClient(options.Connections, TimeSpan.FromSeconds(30));

        var javaScript = Execute(service, "g4-linear-js");
        var literal = Execute(service, "g4-linear-literal");
        var baselineTarget = IntakeRequests.Baseline(baseline);
        foreach (var definitionId in new[] { "g4-linear-js", "g4-linear-literal" })
        {
            await VerifyAsync(service, definitionId, ct);
        }
        await Probe.EnsureWorksAsync(baselineTarget, null, ct);
        foreach (var target in new[] { javaScript, literal, baselineTarget })
        {
            await WarmUp.UntilStableAsync(client, target, options.Connections, TimeSpan.FromSeconds(options.InitialWarmupSeconds), 0.1, ct);
        }

        var rows = new List<Dictionary<string, object?>>();
        var ratios = (Js: new List<double>(), Literal: new List<double>(), JsRate: new List<double>(), LiteralRate: new List<double>(), Baseline: new List<double>());
        var counted = 0;
        var failed = false;
        for (var number = 1; number <= options.Repetitions; number++)
        {
            var pressure = await ScenarioRun.PressureAsync(options, ct);
            loads.Add(ScenarioRun.LoadAverage());
            LoadTarget[] order = (number % 3) switch
            {
                1 => [javaScript, literal, baselineTarget],
                2 => [baselineTarget, javaScript, literal],
                _ => [literal, baselineTarget, javaScript],
            };
            var results = new Dictionary<LoadTarget, LoadResult>();
            foreach (var target in order)
            {
                results[target] = await client.RunClosedLoopAsync(target, options.Connections, options.Warmup, options.Measure, ct);
                ScenarioRun.Progress($"rep {number}", results[target]);
                service.Process.EnsureRunning();
            }

            var (js, lit, b) = (results[javaScript], results[literal], results[baselineTarget]);
            var repFailed = ScenarioRun.Failed(js, lit, b);
            failed |= repFailed;
            rows.Add(new Dictionary<string, object?>
            {
                ["rep"] = number,
                ["order"] = string.Join(" → ", order.Select(t => t == baselineTarget ? "B-insert" : t == javaScript ? "JS" : "Literal")),
                ["load1"] = pressure.Load1,
                ["disturbed"] = pressure.Disturbed,
                ["failed"] = repFailed,
                ["JS wf/s"] = js.ThroughputPerSecond,
                ["Literal wf/s"] = lit.ThroughputPerSecond,
                ["B-insert req/s"] = b.ThroughputPerSecond,
                ["JS ratio"] = js.ThroughputPerSecond / b.ThroughputPerSecond,
                ["Literal ratio"] = lit.ThroughputPerSecond / b.ThroughputPerSecond,
                ["JS p50/p99 ms"] = ScenarioRun.Ms(js),
                ["B-insert p50/p99 ms"] = ScenarioRun.Ms(b),
                ["JS CPU ms/wf"] = js.ServerCpuMsPerRequest,
                ["errors"] = ScenarioRun.Errors(js, lit, b),
            });
            if (!repFailed && (!pressure.Disturbed || number == options.Repetitions && counted == 0))
            {
                counted++;
            }
            if (!repFailed)
            {
                ratios.Js.Add(js.ThroughputPerSecond / b.ThroughputPerSecond);
                ratios.Literal.Add(lit.ThroughputPerSecond / b.ThroughputPerSecond);
                ratios.JsRate.Add(js.ThroughputPerSecond);
                ratios.LiteralRate.Add(lit.ThroughputPerSecond);
                ratios.Baseline.Add(b.ThroughputPerSecond);
            }
        }
        loads.Add(ScenarioRun.LoadAverage());

        var jsRatio = Spread.Of(ratios.Js);
        var literalRatio = Spread.Of(ratios.Literal);
        var report = new ScenarioReport(
            "engine-durable", facts,
            string.Create(CultureInfo.InvariantCulture,
                $"POST /elsa/api/workflow-definitions/{{id}}/execute of the 10-activity linear workflow (engine scenario's shape), one commit per workflow, closed loop with {options.Connections} connections, against B-insert; {options.Repetitions} repetition(s), warm-up {options.WarmupSeconds} s + measure {options.MeasureSeconds} s.{(options.Smoke ? " SMOKE profile." : "")}"),
            rows,
            [
                ("JavaScript variant, workflows/s", Spread.Of(ratios.JsRate).Format("0")),
                ("Literal variant, workflows/s", Spread.Of(ratios.LiteralRate).Format("0")),
                ("B-insert, req/s", Spread.Of(ratios.Baseline).Format("0")),
                ("JavaScript ÷ B-insert", jsRatio.Format("0.000")),
                ("Literal ÷ B-insert", literalRatio.Format("0.000")),
            ],
            [
                new Goal("G4-durable", "JavaScript variant ÷ B-insert (median of paired ratios)", jsRatio.Median, 0.3, 0.5, HigherIsBetter: true),
                new Goal("G4-durable", "Literal variant ÷ B-insert", literalRatio.Median, 0.3, 0.5, HigherIsBetter: true),
            ],
            [$"load average (1/5/15 min) at start, before each repetition and at the end: {string.Join(" | ", loads)} on {Environment.ProcessorCount} cores (shared machine)"],
            Counts: !options.Smoke && !failed && rows.All(r => r["disturbed"] is false),
            string.Create(CultureInfo.InvariantCulture,
                $"engine-durable: jsPerSecond={Spread.Of(ratios.JsRate).Median:0} literalPerSecond={Spread.Of(ratios.LiteralRate).Median:0} baselinePerSecond={Spread.Of(ratios.Baseline).Median:0} jsRatio={jsRatio.Median:0.000} literalRatio={literalRatio.Median:0.000}"));
        await report.PublishAsync(options.OutPath, ct);
        return failed ? 1 : 0;
    }

    private static LoadTarget Execute(BenchService service, string definitionId)
    {
        var uri = new Uri(service.BaseAddress, $"/elsa/api/workflow-definitions/{definitionId}/execute");
        var authorization = new AuthenticationHeaderValue("ApiKey", service.Process.ApiKey);
        var body = Encoding.UTF8.GetBytes("{}");
        return new LoadTarget($"service execute {definitionId}", HttpStatusCode.OK, _ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, uri)
            {
                Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
            };
            request.Headers.Authorization = authorization;
            return request;
        }, service.Process.ProcessId);
    }

    /// <summary>One run before any load: it must finish (not suspend or fault), else the scenario measures the wrong thing.</summary>
    private static async Task VerifyAsync(BenchService service, string definitionId, CancellationToken ct)
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await service.Admin.PostAsync(new Uri($"/elsa/api/workflow-definitions/{definitionId}/execute", UriKind.Relative), content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        using var json = JsonDocument.Parse(text);
        var status = json.RootElement.TryGetProperty("workflowState", out var state) && state.TryGetProperty("status", out var s) ? s.ToString() : null;
        if (response.StatusCode != HttpStatusCode.OK || status != "Finished")
        {
            throw new InvalidOperationException($"{definitionId}: expected 200 and status Finished, got {(int)response.StatusCode}: {text[..Math.Min(400, text.Length)]}");
        }
    }
}
