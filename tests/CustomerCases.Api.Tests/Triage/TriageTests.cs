using System.Net;
using System.Net.Http.Json;
using System.Text;
using CustomerCases.Api.Jobs;
using CustomerCases.Api.Tests.Support;
using CustomerCases.Api.Triage;
using CustomerCases.Api.Triage.Training;
using CustomerCases.Classification.Embeddings;
using CustomerCases.Classification.Runtime;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Api.Tests.Triage;

/// <summary>Intake triage with the real starter model, labels from agents, model versions as data, retraining.</summary>
public abstract class TriageTests(ProviderFixture fixture) : IAsyncLifetime
{
    private CustomerCasesApp? _app;

    private CustomerCasesApp App => _app!;

    public async ValueTask InitializeAsync()
    {
        _app = new CustomerCasesApp(fixture.App.Database, new Dictionary<string, string?>
        {
            ["Triage:TrainStarterModelWhenEmpty"] = "true",
            // Retraining in tests: one fast candidate, so the job runs in seconds.
            ["CustomerCases:Classification:Candidates:0"] = "LbfgsMaximumEntropy",
        });
        await WaitForModelAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Intake_ClassifiesBeforeWorkflowsAndRecordsThePredictionWithItsModel()
    {
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(subject: "Charged twice for my subscription",
            description: "My credit card was billed two times this month for the same invoice, please fix the double charge."));

        var triage = await App.Admin.GetFromJsonAsync<TriageDto>($"/api/cases/{created.Id}/triage");
        Assert.NotNull(triage!.ModelVersion);
        Assert.InRange(triage.Category.Confidence, 0.0, 1.0);
        Assert.Contains(triage.Category.Decision, new[] { "AutoApply", "Suggest", "NeedsHuman" });
        var history = (await App.Admin.GetFromJsonAsync<List<HistoryDto>>($"/api/cases/{created.Id}/history"))!;
        var stored = await App.Admin.GetCaseAsync(created.Id);
        switch (triage.Category.Decision)
        {
            case "AutoApply":
                Assert.Equal(triage.Category.Label, stored.Category);
                Assert.Contains(history, h => h is { Kind: "CategoryChanged", ActorKind: "Model" } && h.Reason!.Contains("confidence", StringComparison.Ordinal));
                break;
            case "NeedsHuman":
                Assert.Equal("triage", stored.Queue);
                break;
            default:
                Assert.Null(stored.Category);
                break;
        }
    }

    [Fact]
    public async Task Intake_ExplicitCategory_IsNeverOverwritten()
    {
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(subject: "Refund for broken kettle", category: "feedback",
            description: "I want my money back for the kettle, it broke after two days."));

        Assert.Equal("feedback", (await App.Admin.GetCaseAsync(created.Id)).Category);
    }

    [Fact]
    public async Task Confirm_RecordsLabelsThatRetrainingLearnsFrom()
    {
        var agent = await App.ClientWithRolesAsync("agent");
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(subject: "App crashes", description: "The mobile app crashes when I open settings."));

        var confirm = await agent.PostAsJsonAsync($"/api/cases/{created.Id}/triage/confirm", new { category = "technical_problem", priority = "High" });
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var patch = await agent.PatchJsonAsync($"/api/cases/{created.Id}", new { priority = "Urgent" });
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        var labels = await db.TriageLabels.AsNoTracking().Where(l => l.CaseId == created.Id).OrderBy(l => l.Id).ToListAsync();
        Assert.Equal([("confirmation", "technical_problem", "High"), ("correction", null, "Urgent")],
            labels.Select(l => (l.Kind, l.Category, l.Priority)));
        Assert.Contains("mobile app crashes", labels[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_InvalidPriority_Returns400()
    {
        var created = await App.Admin.CreateAsync();

        var problem = await (await App.Admin.PostAsJsonAsync($"/api/cases/{created.Id}/triage/confirm", new { priority = "Asap" })).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("priority", problem.Errors!.Keys);
    }

    [Fact]
    public async Task ModelVersions_TrainFromUpload_ActivateAndRollBackWithoutRestart()
    {
        var csv = new StringBuilder("text,category\n");
        for (var i = 0; i < 12; i++)
        {
            csv.Append(CultureInfo($"my invoice {i} shows a wrong amount,billing\n"));
            csv.Append(CultureInfo($"the parcel {i} never arrived,delivery\n"));
        }

        var upload = await App.Admin.PostAsync("/api/triage/models?labelColumns=category", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var runId = (await upload.Content.ReadFromJsonAsync<RunStarted>())!.RunId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TrainTriageModelJob>().TrainUploadedAsync(runId, CancellationToken.None);
        }

        var models = (await App.Admin.GetFromJsonAsync<List<ModelDto>>("/api/triage/models"))!;
        var starter = models.Single(m => m.IsActive);
        // Other tests in this class upload too (they share the app): find this upload's model by its run.
        var uploaded = models.Single(m => m.Source == $"upload {runId}");
        Assert.False(uploaded.IsActive);

        Assert.Equal(HttpStatusCode.OK, (await App.Admin.PostAsync($"/api/triage/models/{uploaded.VersionId}/activate", null)).StatusCode);
        Assert.Equal(uploaded.VersionId, App.Services.GetRequiredService<ModelHolder>().Current!.VersionId);

        Assert.Equal(HttpStatusCode.OK, (await App.Admin.PostAsync("/api/triage/models/rollback", null)).StatusCode);
        Assert.Equal(starter.VersionId, App.Services.GetRequiredService<ModelHolder>().Current!.VersionId);
        await (await App.Admin.PostAsync($"/api/triage/models/nope/activate", null)).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Upload_WithoutTextColumn_Returns400AndTrainsNothing()
    {
        var problem = await (await App.Admin.PostAsync("/api/triage/models?labelColumns=category",
            new StringContent("body,label\nx,y\n", Encoding.UTF8, "text/csv"))).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["body"], problem.Errors!.Keys.Order());
    }

    [Theory]
    [InlineData("text,label", null)] // the plain labelled-text CSV: its label is the category
    [InlineData("text,intent", "category=intent")]
    [InlineData("text,category", "category")]
    public async Task Upload_TrainsTheCategoryLabelSet_WhicheverColumnHoldsIt(string header, string? labelColumns)
    {
        var csv = new StringBuilder(header + "\n");
        for (var i = 0; i < 12; i++)
        {
            csv.Append(CultureInfo($"my invoice {i} shows a wrong amount,billing\n"));
            csv.Append(CultureInfo($"the parcel {i} never arrived,delivery\n"));
        }

        var url = labelColumns is null ? "/api/triage/models" : $"/api/triage/models?labelColumns={Uri.EscapeDataString(labelColumns)}";
        var upload = await App.Admin.PostAsync(url, new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var runId = (await upload.Content.ReadFromJsonAsync<RunStarted>())!.RunId;
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TrainTriageModelJob>().TrainUploadedAsync(runId, CancellationToken.None);
        }

        var models = (await App.Admin.GetFromJsonAsync<List<ModelReportDto>>("/api/triage/models"))!;
        var trained = models.Single(m => m.Source == $"upload {runId}");
        var labelSets = trained.Report.GetProperty("labelSets").EnumerateArray().Select(l => l.GetProperty("labelSet").GetString()).ToList();
        Assert.Equal(["category"], labelSets);
    }

    [Theory]
    [InlineData("text,intent", "intent", "'intent' is not a label set the service applies (category, priority); train one from another column with category=<column>.")]
    [InlineData("text,intent", null, "the CSV has no 'category' (or 'label') column; name the label column with labelColumns=category=<column>.")]
    [InlineData("text,intent,category", "category=intent", "the CSV has a 'category' column already; train from it or rename it.")]
    [InlineData("text,category", "category=topic", "the CSV has no column 'topic'.")]
    public async Task Upload_LabelColumnsTheServiceWouldNotUse_Returns400(string header, string? labelColumns, string message)
    {
        var url = labelColumns is null ? "/api/triage/models" : $"/api/triage/models?labelColumns={Uri.EscapeDataString(labelColumns)}";
        var problem = await (await App.Admin.PostAsync(url, new StringContent(header + "\nsome text,billing\n", Encoding.UTF8, "text/csv")))
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([message], problem.Errors!["labelColumns"]);
    }

    [Fact]
    public async Task Retrain_RecordsBothScoresAndTheDecision()
    {
        // By default the job trains and scores in the worker process (performance goal G8).
        Assert.IsType<ChildProcessTrainingRunner>(App.Services.GetRequiredService<ITriageTrainingRunner>());
        var before = (await App.Admin.GetFromJsonAsync<List<RunDto>>("/api/triage/runs"))!.Select(r => r.Id).ToHashSet();
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TrainTriageModelJob>().RetrainAsync(null, CancellationToken.None);

        // This retrain's run, whatever other tests of the class (they share the app) ran before it.
        var runs = (await App.Admin.GetFromJsonAsync<List<RunDto>>("/api/triage/runs"))!;
        var run = runs.Single(r => !before.Contains(r.Id));
        Assert.Equal("schedule", run.Trigger);
        Assert.Null(run.Error);
        Assert.NotNull(run.CandidateVersion);
        var decision = run.Decision!.Value.GetProperty("category");
        Assert.True(decision.GetProperty("candidateScore").GetDouble() > 0);
        // Both models are scored on held-back rows neither trained on: when the starter had trained on them it scored 1.0
        // and no retrained model could ever be promoted over it.
        Assert.InRange(decision.GetProperty("activeScore").GetDouble(), 0.01, 0.99);
        var active = App.Services.GetRequiredService<ModelHolder>().Current!.VersionId;
        Assert.Equal(run.Promoted, active == run.CandidateVersion);
    }

    [Fact]
    public async Task Retrain_WorkerProcessFails_RecordsTheErrorOnTheRunAndChangesNoModel()
    {
        var modelsBefore = (await App.Admin.GetFromJsonAsync<List<ModelDto>>("/api/triage/models"))!;
        var activeBefore = modelsBefore.Single(m => m.IsActive).VersionId;
        var runsBefore = (await App.Admin.GetFromJsonAsync<List<RunDto>>("/api/triage/runs"))!.Select(r => r.Id).ToHashSet();
        // A sentence embedder registered in code only: the training worker process cannot construct it, so it exits with 1.
        await using (var failing = new CustomerCasesApp(fixture.App.Database, new Dictionary<string, string?> { ["Triage:TrainInChildProcess"] = "true" },
            services => services.AddSingleton<ISentenceEmbedder>(new CodeOnlyEmbedder())))
        {
            await using var scope = failing.Services.CreateAsyncScope();
            await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<TrainTriageModelJob>().RetrainAsync(null, CancellationToken.None));
        }

        var run = (await App.Admin.GetFromJsonAsync<List<RunDto>>("/api/triage/runs"))!.Single(r => !runsBefore.Contains(r.Id));
        Assert.Equal("schedule", run.Trigger);
        Assert.Contains("exited with code 1: the training worker process cannot construct the sentence embedder 'code-only-test-encoder'", run.Error, StringComparison.Ordinal);
        Assert.Null(run.CandidateVersion);
        Assert.False(run.Promoted);
        var modelsAfter = (await App.Admin.GetFromJsonAsync<List<ModelDto>>("/api/triage/models"))!;
        Assert.Equal(modelsBefore.Select(m => m.VersionId).Order(), modelsAfter.Select(m => m.VersionId).Order());
        Assert.Equal(activeBefore, modelsAfter.Single(m => m.IsActive).VersionId);
        Assert.Equal(activeBefore, App.Services.GetRequiredService<ModelHolder>().Current!.VersionId);
    }

    [Fact]
    public async Task ModelEndpoints_AreForManagers()
    {
        var agent = await App.ClientWithRolesAsync("agent");

        await (await agent.GetAsync("/api/triage/models")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    private static string CultureInfo(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task WaitForModelAsync()
    {
        var sync = App.Services.GetRequiredService<TriageModelSync>();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (await sync.SyncAsync(CancellationToken.None) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.NotNull(App.Services.GetRequiredService<ModelHolder>().Current);
    }

    /// <summary>Registered in code, as a custom encoder would be: unknown to the training worker process.</summary>
    private sealed class CodeOnlyEmbedder : ISentenceEmbedder
    {
        public string Id => "code-only-test-encoder";

        public int Dimension => 2;

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) => texts.Select(_ => new float[Dimension]).ToArray();
    }

    private sealed record PredictionDto(string? Label, double Confidence, string Decision);

    private sealed record TriageDto(string? ModelVersion, PredictionDto Category, PredictionDto Priority);

    private sealed record RunStarted(Guid RunId);

    private sealed record ModelDto(string VersionId, string Source, bool IsActive);

    private sealed record ModelReportDto(string VersionId, string Source, DateTimeOffset CreatedAt, System.Text.Json.JsonElement Report);

    private sealed record RunDto(Guid Id, string Trigger, string? CandidateVersion, bool Promoted, System.Text.Json.JsonElement? Decision, string? Error);
}

public sealed class TriageTestsOnSqlite(SqliteFixture fixture) : TriageTests(fixture), IClassFixture<SqliteFixture>;

public sealed class TriageTestsOnPostgreSql(PostgreSqlFixture fixture) : TriageTests(fixture), IClassFixture<PostgreSqlFixture>;
