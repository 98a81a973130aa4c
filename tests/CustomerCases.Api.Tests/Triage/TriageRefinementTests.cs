using System.Net;
using System.Net.Http.Json;
using CustomerCases.Api.Tests.Elsa;
using CustomerCases.Api.Tests.Support;
using CustomerCases.Api.Triage;
using CustomerCases.Classification.Embeddings;
using CustomerCases.Classification.Training;
using CustomerCases.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCases.Api.Tests.Triage;

/// <summary>
/// The second triage stage: intake answers with the n-gram model and leaves a durable pending row; the worker refines
/// with the embedding model after the commit. The embedder here is a fake that "knows" made-up words (as a real
/// encoder knows synonyms) which n-grams cannot learn, so the refinement visibly changes the triage.
/// </summary>
public abstract class TriageRefinementTests(ProviderFixture fixture) : IAsyncLifetime
{
    private static readonly FakeEmbedder Embedder = new();
    private CustomerCasesApp? _app;

    private CustomerCasesApp App => _app!;

    public async ValueTask InitializeAsync()
    {
        _app = new CustomerCasesApp(fixture.App.Database, new Dictionary<string, string?>
        {
            // Intake (n-grams) is unsure of unseen words; the refinement is sure: the decisions differ.
            ["CustomerCases:Classification:Thresholds:category:AutoApply"] = "0.9",
            ["CustomerCases:Classification:Thresholds:category:Suggest"] = "0.8",
        }, services => services.AddSingleton<ISentenceEmbedder>(Embedder));
        await ActivateRefinableModelAsync();
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
    public async Task Intake_LeavesAPendingRefinement_TheWorkerAppliesItAttributedToTheModel()
    {
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(subject: "Question", description: $"please look at {FakeEmbedder.UnseenBillingWord} for me"));

        // Committed with the case, before any refinement ran: a crash now would lose nothing.
        var pending = await RefinementAsync(created.Id);
        Assert.Null(pending.CompletedAt);
        Assert.True(pending.RefineCategory);
        var atIntake = await App.Admin.GetCaseAsync(created.Id);
        Assert.Equal("triage", atIntake.Queue);
        Assert.Null(atIntake.Category);

        Assert.Equal(1, await App.Services.GetRequiredService<TriageRefinementWorker>().ProcessBatchAsync(CancellationToken.None));

        var refined = await App.Admin.GetCaseAsync(created.Id);
        Assert.Equal("billing", refined.Category);
        Assert.Null(refined.Queue); // back where it was before the intake model sent it to a human
        var done = await RefinementAsync(created.Id);
        Assert.NotNull(done.CompletedAt);
        Assert.Equal(("billing", "AutoApply"), (done.Category, done.CategoryDecision));
        Assert.Equal("applied: category billing, left triage queue", done.Outcome);
        var history = (await App.Admin.GetFromJsonAsync<List<HistoryDto>>($"/api/cases/{created.Id}/history"))!;
        Assert.Contains(history, h => h is { Kind: "CategoryChanged", ActorKind: "Model", NewValue: "billing" }
            && h.Reason!.StartsWith("refined category 'billing' with confidence", StringComparison.Ordinal));
        Assert.Equal(0, await App.Services.GetRequiredService<TriageRefinementWorker>().ProcessBatchAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Workflows_StartWhenTriageIsFinal_AndRouteOnTheRefinedCategory()
    {
        var tag = "Route" + Guid.NewGuid().ToString("N")[..8];
        await App.Admin.DeployAsync(CaseCreatedWorkflow("refined-billing-" + tag, $"getCase().subject == '{tag}' && getCase().category == 'billing'"));
        await App.Admin.DeployAsync(CaseCreatedWorkflow("unsure-" + tag, $"getCase().subject == '{tag}' && getCase().category == null"));
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(subject: tag, description: $"please look at {FakeEmbedder.UnseenBillingWord} today"));

        Assert.Empty(await InstancesAsync(created.Id)); // deferred: the intake model was unsure, the refinement is pending

        await App.Services.GetRequiredService<TriageRefinementWorker>().ProcessBatchAsync(CancellationToken.None);

        var started = await InstancesAsync(created.Id);
        Assert.Equal(["refined-billing-" + tag], started.Select(i => i.DefinitionId));
        Assert.Equal(0, await App.Services.GetRequiredService<TriageRefinementWorker>().ProcessBatchAsync(CancellationToken.None));
        Assert.Single(await InstancesAsync(created.Id)); // started once
    }

    [Fact]
    public async Task Refinement_NeverOverwritesWhatAPersonSetMeanwhile()
    {
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(subject: "Question", description: $"please look at {FakeEmbedder.UnseenBillingWord} now"));
        var agent = await App.ClientWithRolesAsync("agent");
        Assert.Equal(HttpStatusCode.OK, (await agent.PatchJsonAsync($"/api/cases/{created.Id}", new { category = "delivery" })).StatusCode);

        await App.Services.GetRequiredService<TriageRefinementWorker>().ProcessBatchAsync(CancellationToken.None);

        Assert.Equal("delivery", (await App.Admin.GetCaseAsync(created.Id)).Category);
        var done = await RefinementAsync(created.Id);
        Assert.Equal(("billing", "unchanged"), (done.Category, done.Outcome));
    }

    [Fact]
    public async Task Intake_ExplicitCategoryAndPriority_NeedNoRefinement()
    {
        var created = await App.Admin.CreateAsync(CaseApi.NewCase(subject: "Question", category: "delivery", priority: "High",
            description: $"please look at {FakeEmbedder.UnseenBillingWord} again"));

        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        Assert.False(await db.TriageRefinements.AnyAsync(r => r.CaseId == created.Id));
    }

    private async Task<List<Persistence.Workflows.WorkflowInstanceRecord>> InstancesAsync(Guid caseId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        var correlation = caseId.ToString();
        return await db.WorkflowInstances.AsNoTracking().Where(i => i.CorrelationId == correlation).ToListAsync();
    }

    /// <summary>Starts on CaseCreated when the condition holds, then waits for the customer (stays running).</summary>
    private static System.Text.Json.Nodes.JsonObject CaseCreatedWorkflow(string definitionId, string condition) =>
        System.Text.Json.Nodes.JsonNode.Parse($$"""
        {
          "definitionId": "{{definitionId}}", "name": "{{definitionId}}", "version": 1,
          "root": { "id": "root", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "CaseCreated1", "type": "CustomerCases.CaseCreated", "version": 1,
                "condition": { "typeName": "Boolean", "expression": { "type": "JavaScript", "value": "{{condition}}" } },
                "customProperties": { "canStartWorkflow": true } },
              { "id": "WaitForCustomer1", "type": "CustomerCases.WaitForCustomer", "version": 1 }
            ],
            "connections": [ { "source": { "activity": "CaseCreated1", "port": "Done" }, "target": { "activity": "WaitForCustomer1", "port": "In" } } ] }
        }
        """)!.AsObject();

    private async Task<Persistence.Triage.TriageRefinementRecord> RefinementAsync(Guid caseId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>();
        return await db.TriageRefinements.AsNoTracking().SingleAsync(r => r.CaseId == caseId);
    }

    private async Task ActivateRefinableModelAsync()
    {
        var trained = new TriageTrainer(new TrainingOptions
        {
            Candidates = [TriageTrainerKind.LbfgsMaximumEntropy],
            LbfgsL2Grid = [0.01],
            EmbeddingCandidates = [TriageTrainerKind.LbfgsMaximumEntropy],
            Embedder = Embedder,
            MaxThreads = 1,
        }).Train(Embedder.TrainingData());
        Assert.NotNull(trained.LabelSets[0].Refinement);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<TriageModelStore>();
            store.Add(trained, "made-up words");
            await store.ActivateAsync(trained.VersionId, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<CustomerCasesDbContext>().SaveChangesAsync();
        }

        await App.Services.GetRequiredService<TriageModelSync>().SyncAsync(CancellationToken.None);
        Assert.True(App.Services.GetRequiredService<Classification.ICaseRefiner>().CanRefine);
    }

    /// <summary>Made-up words, one per training row, whose category only the embedder knows.</summary>
    private sealed class FakeEmbedder : ISentenceEmbedder
    {
        public const string UnseenBillingWord = "qzbillx";
        private static readonly string[] Categories = ["billing", "delivery"];
        private readonly Dictionary<string, int> _meaning = new(StringComparer.Ordinal) { [UnseenBillingWord] = 0 };

        public FakeEmbedder()
        {
            var random = new Random(3);
            for (var i = 0; i < 60; i++)
            {
                _meaning[new string(Enumerable.Range(0, 8).Select(_ => (char)('a' + random.Next(26))).ToArray())] = i % 2;
            }
        }

        public string Id => "fake-dictionary-encoder";

        public int Dimension => 3;

        public LabelledDataset TrainingData() => LabelledDataset.FromPairs(
            _meaning.Where(m => m.Key != UnseenBillingWord).Select(m => ($"please look at {m.Key} for me", Categories[m.Value])), "category", "made-up words");

        public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
            texts.Select(text =>
            {
                var vector = new float[Dimension];
                var known = text.Split(' ', '\n').FirstOrDefault(_meaning.ContainsKey);
                vector[known is null ? Dimension - 1 : _meaning[known]] = 1;
                return vector;
            }).ToArray();
    }
}

public sealed class TriageRefinementTestsOnSqlite(SqliteFixture fixture) : TriageRefinementTests(fixture), IClassFixture<SqliteFixture>;

public sealed class TriageRefinementTestsOnPostgreSql(PostgreSqlFixture fixture) : TriageRefinementTests(fixture), IClassFixture<PostgreSqlFixture>;
