using System.Net;
using System.Net.Http.Json;
using System.Text;
using CustomerCases.Api.Tests.Support;

namespace CustomerCases.Api.Tests.Cases;

public abstract class IntakeTests(ProviderFixture fixture)
{
    private CustomerCasesApp App => fixture.App;

    [Fact]
    public async Task Post_ValidRequest_Returns201WithLocationAndStoresCase()
    {
        var email = $"{Guid.NewGuid():N}@Example.com";
        var response = await App.Admin.PostAsJsonAsync("/api/cases", new
        {
            customer = new { email, name = "Ann Smith", externalId = "crm-17" },
            subject = "Charged twice",
            description = "My card was charged twice for order 881.",
            channel = "web",
            priority = "high",
            category = "billing",
            tags = new[] { "VIP", "vip" },
            customFields = new { orderId = 881, gift = true, region = "EU" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<CaseDto>())!;
        Assert.Equal($"/api/cases/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Matches("^CASE-\\d{6}$", created.Number);
        Assert.Equal(("New", "High", "billing", "Web"), (created.Status, created.Priority, created.Category, created.Channel));
        Assert.Equal(["vip"], created.Tags);
        Assert.Equal("881", created.CustomFields["orderId"]);
        Assert.Equal(email.ToLowerInvariant(), created.Customer.Email);

        var stored = await App.Admin.GetCaseAsync(created.Id);
        Assert.Equal("Charged twice", stored.Subject);
        Assert.Single(stored.Messages!, m => m.Kind == "CustomerMessage" && m.Body.Contains("charged twice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_SameCustomerTwice_ReusesTheCustomer()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var first = await App.Admin.CreateAsync(CaseApi.NewCase(email));
        var second = await App.Admin.CreateAsync(CaseApi.NewCase(email.ToUpperInvariant()));

        Assert.Equal(first.Customer.Id, second.Customer.Id);
        Assert.NotEqual(first.Number, second.Number);
    }

    [Fact]
    public async Task Post_RetriedWithSameIdempotencyKey_ReturnsFirstResultAndCreatesOneCase()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var body = CaseApi.NewCase(email);
        var key = Guid.NewGuid().ToString();

        // Sent in parallel as a flaky client would: exactly one case results, and every answer names it.
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Send()));
        var ids = new HashSet<Guid>();
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<CaseDto>())!.Id);
        }

        Assert.Single(ids);
        var page = await App.Admin.GetFromJsonAsync<CasePageDto>($"/api/cases?customer={Uri.EscapeDataString(email)}");
        Assert.Equal(1, page!.Total);

        Task<HttpResponseMessage> Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return App.Admin.SendAsync(request);
        }
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyWithAnotherBody_Returns422()
    {
        var key = Guid.NewGuid().ToString();
        var first = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(CaseApi.NewCase()) };
        first.Headers.Add("Idempotency-Key", key);
        Assert.Equal(HttpStatusCode.Created, (await App.Admin.SendAsync(first)).StatusCode);

        var second = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(CaseApi.NewCase(subject: "other")) };
        second.Headers.Add("Idempotency-Key", key);
        var problem = await (await App.Admin.SendAsync(second)).ProblemAsync((HttpStatusCode)422);

        Assert.Contains(key, problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_InvalidFields_Returns400ListingEveryFieldAndStoresNothing()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var response = await App.Admin.PostAsJsonAsync("/api/cases", new
        {
            customer = new { email = "not-an-email" },
            subject = "",
            channel = "fax",
            priority = "3",
            tags = new[] { "" },
        });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["channel", "customer.email", "description", "priority", "subject", "tags[0]"], problem.Errors!.Keys.Order());

        var invalidEmail = await App.Admin.PostAsJsonAsync("/api/cases", new { customer = new { email }, subject = "s", description = "" });
        Assert.Equal(HttpStatusCode.BadRequest, invalidEmail.StatusCode);
        var page = await App.Admin.GetFromJsonAsync<CasePageDto>($"/api/cases?customer={email}");
        Assert.Equal(0, page!.Total);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400ProblemDetails()
    {
        var response = await App.Admin.PostAsync("/api/cases", new StringContent("{\"subject\": ", Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Unreadable request", problem.Title);
    }

    [Fact]
    public async Task Post_OversizedBody_Returns413()
    {
        var huge = new string('x', 2 * 1024 * 1024);
        var response = await App.Admin.PostAsJsonAsync("/api/cases", CaseApi.NewCase(description: huge));

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_ConcurrentIntake_GivesEveryCaseItsOwnNumber()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => App.Admin.CreateAsync()));

        Assert.Equal(20, created.Select(c => c.Number).Distinct().Count());
    }
}

public sealed class IntakeTestsOnSqlite(SqliteFixture fixture) : IntakeTests(fixture), IClassFixture<SqliteFixture>;

public sealed class IntakeTestsOnPostgreSql(PostgreSqlFixture fixture) : IntakeTests(fixture), IClassFixture<PostgreSqlFixture>;
