using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CustomerCases.Benchmarks.Baselines;
using CustomerCases.Benchmarks.Hosting;
using CustomerCases.Benchmarks.Reporting;
using CustomerCases.Benchmarks.Workloads;

namespace CustomerCases.Benchmarks.ColdStart;

/// <summary>
/// Scenario "cold-start" (G10): the built service dll started as a child process, timed from just before
/// <c>Process.Start</c> to its first successful <c>POST /api/cases</c> (polled every 10 ms, no health wait), and on to
/// its first task completion (the case's "bench-task" workflow creates the task; GET the inbox, complete it). Each run
/// measures a fresh install (empty folder: migrations, workflow import, starter model) and a restart on the same
/// database, and — as the baseline in the same run — the B-insert server started the same way (a minimal Kestrel +
/// SQLite .NET process) to its first successful insert. Order alternates per run.
/// </summary>
public static class ColdStartScenario
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(300);

    public static Task<int> RunAsync(string[] args) => ScenarioRun.RunAsync("cold-start", args, MeasureAsync);

    private sealed record Timing(double FirstCaseMs, double FirstRequestMs, double? FirstTaskMs);

    private static async Task<int> MeasureAsync(ScenarioOptions options, string work, CancellationToken ct)
    {
        var facts = RunFacts.Collect(TimeProvider.System);
        var loads = new List<string> { ScenarioRun.LoadAverage() };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(120) };
        var rows = new List<Dictionary<string, object?>>();
        var fresh = new List<Timing>();
        var restart = new List<Timing>();
        var baseline = new List<double>();
        var service = ServiceProcess.RealService with { Folder = options.ServiceFolder };
        for (var run = 1; run <= options.Runs; run++)
        {
            var pressure = await ScenarioRun.PressureAsync(options, ct);
            loads.Add(ScenarioRun.LoadAverage());
            var folder = Directory.CreateDirectory(Path.Combine(work, $"run-{run}")).FullName;
            var definitions = BenchWorkflows.WriteFolder(folder, "workflows", BenchWorkflows.TaskThenEvent());
            double b;
            Timing f, r;
            if (run % 2 == 1)
            {
                b = await BaselineAsync(http, folder, ct);
                f = await ServiceAsync(http, service, folder, definitions, ct);
                r = await ServiceAsync(http, service, folder, definitions, ct);
            }
            else
            {
                f = await ServiceAsync(http, service, folder, definitions, ct);
                r = await ServiceAsync(http, service, folder, definitions, ct);
                b = await BaselineAsync(http, folder, ct);
            }
            ScenarioRun.Say(string.Create(CultureInfo.InvariantCulture,
                $"run {run}: fresh install first case {f.FirstCaseMs:0} ms, first task completion {f.FirstTaskMs:0} ms; restart {r.FirstCaseMs:0} / {r.FirstTaskMs:0} ms; B-insert process {b:0} ms"));
            fresh.Add(f);
            restart.Add(r);
            baseline.Add(b);
            rows.Add(new Dictionary<string, object?>
            {
                ["run"] = run,
                ["order"] = run % 2 == 1 ? "B-insert → fresh → restart" : "fresh → restart → B-insert",
                ["load1"] = pressure.Load1,
                ["disturbed"] = pressure.Disturbed,
                ["fresh: first case ms"] = f.FirstCaseMs,
                ["fresh: first POST latency ms"] = f.FirstRequestMs,
                ["fresh: first task completed ms"] = f.FirstTaskMs,
                ["restart: first case ms"] = r.FirstCaseMs,
                ["restart: first task completed ms"] = r.FirstTaskMs,
                ["B-insert process: first insert ms"] = b,
                ["fresh ÷ B-insert"] = f.FirstCaseMs / b,
            });
            Directory.Delete(folder, recursive: true);
        }
        loads.Add(ScenarioRun.LoadAverage());

        Spread Of(IEnumerable<double> values) => Spread.Of(values);
        var freshCase = Of(fresh.Select(t => t.FirstCaseMs));
        var freshTask = Of(fresh.Select(t => t.FirstTaskMs ?? double.NaN));
        var restartCase = Of(restart.Select(t => t.FirstCaseMs));
        var restartTask = Of(restart.Select(t => t.FirstTaskMs ?? double.NaN));
        var baselineSpread = Of(baseline);
        var report = new ScenarioReport(
            "cold-start", facts,
            $"CustomerCases.Api.dll {(options.ServiceFolder is null ? "(the build beside the benchmark)" : $"from {options.ServiceFolder}")} started with `dotnet` as a child process (Production environment, SQLite, only the bench-task workflow), {options.Runs} run(s); times from just before Process.Start.{(options.Smoke ? " SMOKE profile." : "")}",
            rows,
            [
                ("fresh install → first successful POST /api/cases, ms", freshCase.Format("0")),
                ("fresh install → first task completion, ms", freshTask.Format("0")),
                ("fresh install: latency of the first successful POST /api/cases, ms", Of(fresh.Select(t => t.FirstRequestMs)).Format("0")),
                ("restart (existing database) → first POST /api/cases, ms", restartCase.Format("0")),
                ("restart → first task completion, ms", restartTask.Format("0")),
                ("B-insert process → first insert, ms (baseline)", baselineSpread.Format("0")),
            ],
            [
                new Goal("G10", "fresh install → first POST /api/cases, ms", freshCase.Median, 5000, 2000, HigherIsBetter: false),
                new Goal("G10", "fresh install → first task completion, ms", freshTask.Median, 5000, 2000, HigherIsBetter: false),
                new Goal("G10", "restart → first POST /api/cases, ms", restartCase.Median, 5000, 2000, HigherIsBetter: false),
                new Goal("G10", "restart → first task completion, ms", restartTask.Median, 5000, 2000, HigherIsBetter: false),
            ],
            [$"load average (1/5/15 min) at start, before each run and at the end: {string.Join(" | ", loads)} on {Environment.ProcessorCount} cores (shared machine)"],
            Counts: !options.Smoke && rows.All(r => r["disturbed"] is false),
            string.Create(CultureInfo.InvariantCulture,
                $"cold-start: firstCaseMs={freshCase.Median:0} firstTaskMs={freshTask.Median:0} restartFirstCaseMs={restartCase.Median:0} baselineMs={baselineSpread.Median:0}"));
        await report.PublishAsync(options.OutPath, ct);
        return 0;
    }

    private static async Task<Timing> ServiceAsync(HttpClient http, ServiceCommand command, string folder, string definitions, CancellationToken ct)
    {
        await using var service = await ServiceProcess.StartAsync(folder, command, BenchService.Environment(definitions), GiveUpAfter, ct, waitUntilReady: false);
        var authorization = new AuthenticationHeaderValue("ApiKey", service.ApiKey);
        var (caseAt, requestMs, caseResponse) = await FirstSuccessAsync(service, http, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(service.BaseAddress, "/api/cases")) { Content = Intake.IntakeRequests.Content(1) };
            request.Headers.Authorization = authorization;
            return request;
        }, HttpStatusCode.Created, ct);
        caseResponse.Dispose();

        // The case's workflow created the task in the intake transaction; an admin (manager) may complete it unclaimed.
        using var list = new HttpRequestMessage(HttpMethod.Get, new Uri(service.BaseAddress, $"/api/tasks?queue={BenchWorkflows.TaskQueue}&status=Queued"));
        list.Headers.Authorization = authorization;
        using var listed = await http.SendAsync(list, ct);
        using var tasks = JsonDocument.Parse(await listed.Content.ReadAsStringAsync(ct));
        var items = tasks.RootElement.TryGetProperty("items", out var found) ? found : default;
        if (items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            throw new InvalidOperationException($"cold-start: no queued task after the first case (GET /api/tasks answered {(int)listed.StatusCode}){Environment.NewLine}{service.OutputTail()}");
        }
        using var complete = new HttpRequestMessage(HttpMethod.Post, new Uri(service.BaseAddress, $"/api/tasks/{items[0].GetProperty("id").GetGuid()}/complete"))
        {
            Content = new StringContent("""{"outcome":"Done","data":{}}""", Encoding.UTF8, "application/json"),
        };
        complete.Headers.Authorization = authorization;
        using var completed = await http.SendAsync(complete, ct);
        double? taskAt = completed.StatusCode == HttpStatusCode.OK ? Stopwatch.GetElapsedTime(service.StartedTimestamp).TotalMilliseconds : null;
        if (taskAt is null)
        {
            ScenarioRun.Say($"cold-start: completing the first task answered {(int)completed.StatusCode}: {await completed.Content.ReadAsStringAsync(ct)}");
        }
        return new Timing(caseAt, requestMs, taskAt);
    }

    private static async Task<double> BaselineAsync(HttpClient http, string folder, CancellationToken ct)
    {
        await using var baseline = await ServiceProcess.StartAsync(folder, BaselineServer.ChildCommand, null, GiveUpAfter, ct, waitUntilReady: false);
        var (at, _, response) = await FirstSuccessAsync(baseline, http, () => new HttpRequestMessage(HttpMethod.Post, new Uri(baseline.BaseAddress, "/_perf/insert"))
        {
            Content = Intake.IntakeRequests.Content(1),
        }, HttpStatusCode.Created, ct);
        response.Dispose();
        return at;
    }

    /// <summary>Sends the request every 10 ms until it gets the expected status; returns when (ms since process start) and how long that request took.</summary>
    private static async Task<(double AtMs, double RequestMs, HttpResponseMessage Response)> FirstSuccessAsync(
        ServiceProcess process, HttpClient http, Func<HttpRequestMessage> create, HttpStatusCode expected, CancellationToken ct)
    {
        var last = "no answer";
        while (Stopwatch.GetElapsedTime(process.StartedTimestamp) < GiveUpAfter)
        {
            process.EnsureRunning();
            var sent = Stopwatch.GetTimestamp();
            try
            {
                using var request = create();
                var response = await http.SendAsync(request, ct);
                if (response.StatusCode == expected)
                {
                    return (Stopwatch.GetElapsedTime(process.StartedTimestamp).TotalMilliseconds, Stopwatch.GetElapsedTime(sent).TotalMilliseconds, response);
                }
                last = $"HTTP {(int)response.StatusCode}";
                response.Dispose();
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                last = "request timed out"; // accepted but not answered in time (a starved machine): try again
            }
            await Task.Delay(10, ct);
        }
        throw new TimeoutException($"no {(int)expected} within {GiveUpAfter.TotalSeconds:0} s ({last}){Environment.NewLine}{process.OutputTail()}");
    }
}
