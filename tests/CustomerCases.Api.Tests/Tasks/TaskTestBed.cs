using System.Net;
using System.Net.Http.Json;
using CustomerCases.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CustomerCases.Api.Tests.Tasks;

/// <summary>
/// An app on the fixture's database with a fake clock and the task workflows of <c>Tasks/Fixtures</c> (or the shipped
/// ones): a case of category <c>task-test</c> starts a HumanTask in the queue named by its custom field <c>queue</c>.
/// Every test makes its own queues and agents (unique names), so tests sharing a database do not see each other's work.
/// </summary>
public abstract class TaskTestBed(ProviderFixture fixture, bool shippedWorkflows = false) : IAsyncLifetime
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Tasks", "Fixtures");
    private CustomerCasesApp? _app;

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    protected CustomerCasesApp App => _app!;

    protected HttpClient Admin => App.Admin;

    public ValueTask InitializeAsync()
    {
        var database = fixture.App.Database;
        var settings = shippedWorkflows ? null : new Dictionary<string, string?> { ["Workflows:DefinitionsFolder"] = Fixtures };
        _app = new CustomerCasesApp(database, settings, s => s.AddSingleton<TimeProvider>(Clock), shippedWorkflows);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    protected async Task<string> CreateQueueAsync(string strategy, string? skillsTimeout = null, string? name = null)
    {
        name ??= Unique("q");
        var response = await Admin.PostAsJsonAsync("/api/queues", new { name, strategy, skillsTimeout });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return name;
    }

    protected async Task<(AgentDto Agent, HttpClient Client)> CreateAgentAsync(string name, string[] queues, string[]? skills = null, int capacity = 5)
    {
        var response = await Admin.PostAsJsonAsync("/api/agents", new { name = Unique(name), queues, skills = skills ?? [], capacity });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<CreatedAgentDto>())!;
        return (created.Agent, App.ClientFor(created.ApiKey));
    }

    /// <summary>Opens a case whose workflow asks for a human task; returns the case and its task (as an admin sees it).</summary>
    protected async Task<(CaseDto Case, TaskDto Task)> OpenTaskCaseAsync(string queue, string? skills = null, string? assignee = null,
        string priority = "Normal", string category = "task-test")
    {
        var customFields = new Dictionary<string, string> { ["queue"] = queue };
        if (skills is not null)
        {
            customFields["skills"] = skills;
        }

        if (assignee is not null)
        {
            customFields["assignee"] = assignee;
        }

        var created = await Admin.CreateAsync(new
        {
            customer = new { email = $"{Guid.NewGuid():N}@example.com", name = "Task Customer" },
            subject = "Please help",
            description = "Something is wrong with my order.",
            channel = "email",
            priority,
            category,
            customFields,
        });
        return (created, await TaskOfCaseAsync(created.Id));
    }

    protected async Task<TaskDto> TaskOfCaseAsync(Guid caseId, bool open = true)
    {
        var tasks = await TasksOfCaseAsync(caseId, open);
        return Assert.Single(tasks);
    }

    protected async Task<List<TaskDto>> TasksOfCaseAsync(Guid caseId, bool open = true)
    {
        var status = open ? "Queued,Assigned" : "Queued,Assigned,Completed,Cancelled";
        var page = (await Admin.GetFromJsonAsync<TaskPageDto>($"/api/tasks?status={status}&pageSize=200"))!;
        return page.Items.Where(t => t.CaseId == caseId).ToList();
    }

    protected async Task<TaskDto> GetTaskAsync(Guid id) => (await Admin.GetFromJsonAsync<TaskDto>($"/api/tasks/{id}"))!;

    protected static Task<HttpResponseMessage> CompleteAsync(HttpClient client, Guid taskId, string outcome, object? data = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{taskId}/complete")
        {
            Content = JsonContent.Create(new { outcome, data = data ?? new { summary = "done" } }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }
}
