using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerCases.Benchmarks.Sla;

/// <summary>
/// G6 (SLA creation does not cap intake), in-process: intake throughput with SLA targets and timers, divided by the
/// same with SLA computation switched off (<c>Sla:Enabled=false</c>), same run, fresh SQLite database each, shipped
/// workflows and policies, alternating rounds to even out machine noise. Usage: <c>sla-intake [cases] [concurrency] [rounds]</c>.
/// </summary>
internal static class SlaIntakeScenario
{
    private const string AdminKey = "bench-admin-key";

    public static async Task<int> RunAsync(string[] args)
    {
        var cases = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 8;
        var rounds = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2;
        var with = new List<double>();
        var without = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            without.Add(await MeasureAsync(slaEnabled: false, cases, concurrency));
            with.Add(await MeasureAsync(slaEnabled: true, cases, concurrency));
        }

        var ratio = with.Max() / without.Max();
        Console.WriteLine($"intake without SLA: {string.Join(", ", without.Select(x => x.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} cases/s");
        Console.WriteLine($"intake with SLA:    {string.Join(", ", with.Select(x => x.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} cases/s");
        Console.WriteLine($"G6 ratio (best of {rounds}): {ratio:P1} (goal ≥ 90 %, acceptable ≥ 80 %)");
        return 0;
    }

    private static async Task<double> MeasureAsync(bool slaEnabled, int cases, int concurrency)
    {
        var folder = Directory.CreateTempSubdirectory("cc-bench-sla-").FullName;
        // The factory looks for the Api's source folder as content root; the binaries folder has everything it needs.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_CUSTOMERCASES_API", AppContext.BaseDirectory);
        await using var app = new WebApplicationFactory<CustomerCases.Api.Sla.SlaOptions>() // any Api type: the factory runs that assembly's entry point
           .WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Benchmark");
            b.UseSetting("Database:DataFolder", folder);
            b.UseSetting("Auth:BootstrapAdminKey", AdminKey);
            b.UseSetting("Jobs:RunServer", "false");
            b.UseSetting("Sla:Enabled", slaEnabled ? "true" : "false");
            b.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", AdminKey);
        await PostAsync(client, 0); // warm-up: first request, JIT, migrations done
        var next = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= cases)
            {
                await PostAsync(client, i);
            }
        }));
        return cases / watch.Elapsed.TotalSeconds;
    }

    private static async Task PostAsync(HttpClient client, int i)
    {
        var priorities = new[] { "Low", "Normal", "High", "Urgent" };
        var response = await client.PostAsJsonAsync("/api/cases", new
        {
            customer = new { email = $"bench{i % 500}@example.com", name = "Bench" },
            subject = "Benchmark case " + i,
            description = "Parcel late, order " + i,
            channel = "email",
            priority = priorities[i % priorities.Length],
            category = i % 5 == 0 ? "complaint" : "delivery",
        });
        response.EnsureSuccessStatusCode();
    }
}
