using System.Net;
using System.Net.Http.Json;
using System.Text;
using CustomerCases.Api.Tests.Support;

namespace CustomerCases.Api.Tests.Hosting;

/// <summary>
/// Values ASP.NET Core refuses before an endpoint runs (a JSON value of the wrong type, a query value that is not a
/// number or a date, no body at all) are answered field by field like our own validation, in the client's terms: the
/// field as written in the request and what it must be — never the framework's CLR type names. Nothing is stored.
/// </summary>
public sealed class UnreadableRequestTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    private CustomerCasesApp App => fixture.App;

    [Theory]
    [InlineData("""{"customer":{"email":"a@example.com"},"subject":"s","description":"d","priority":5}""", "priority", "must be a string.")]
    [InlineData("""{"customer":{"email":"a@example.com"},"subject":"s","description":"d","tags":"vip"}""", "tags", "must be a JSON array.")]
    [InlineData("""{"customer":{"email":"a@example.com"},"subject":"s","description":"d","tags":["vip",{}]}""", "tags[1]", "must be a string.")]
    [InlineData("""{"customer":{"email":7},"subject":"s","description":"d"}""", "customer.email", "must be a string.")]
    [InlineData("""{"customer":"ann@example.com","subject":"s","description":"d"}""", "customer", "must be a JSON object.")]
    [InlineData("""{"customer":{"email":"a@example.com"},"subject":"s","description":"d","customFields":[1]}""", "customFields", "must be a JSON object.")]
    [InlineData("""["not","an","object"]""", "body", "must be a JSON object.")]
    public async Task Intake_ValueOfTheWrongJsonType_NamesTheFieldAndWhatItMustBe(string body, string field, string message)
    {
        var before = await CountCasesAsync();

        var response = await App.Admin.PostAsync("/api/cases", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The request is invalid", problem.Title);
        Assert.Equal([message], Assert.Single(problem.Errors!, e => e.Key == field).Value);
        Assert.DoesNotContain("CustomerCases.", problem.Detail + string.Concat(problem.Errors!.Values.SelectMany(v => v)), StringComparison.Ordinal);
        Assert.Equal(before, await CountCasesAsync());
    }

    [Fact]
    public async Task Intake_WithoutABody_SaysTheBodyIsRequired()
    {
        var response = await App.Admin.PostAsync("/api/cases", new StringContent("", Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["is required: send a JSON object."], problem.Errors!["body"]);
    }

    [Fact]
    public async Task MalformedJson_IsUnreadable_WithTheReadersPosition()
    {
        var response = await App.Admin.PostAsync("/api/cases", new StringContent("""{"subject": """, Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Unreadable request", problem.Title);
        Assert.StartsWith("The body is not valid JSON: ", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("BytePositionInLine", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/cases?page=abc", "page", "'abc' is not a whole number.")]
    [InlineData("/elsa/api/workflow-instances?page=x", "page", "'x' is not a whole number.")]
    [InlineData("/api/reports/demand?from=yesterday", "from", "'yesterday' is not a date and time (ISO 8601, e.g. 2026-11-26T09:00:00Z).")]
    public async Task QueryValueThatCannotBeRead_NamesTheParameter(string url, string field, string message)
    {
        var response = await App.Admin.GetAsync(url);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([message], problem.Errors![field]);
    }

    [Fact]
    public async Task ElsaExecute_InputThatIsNotAnObject_NamesTheField()
    {
        var response = await App.Admin.PostAsync("/elsa/api/workflow-definitions/general-inquiry/execute",
            new StringContent("""{"input":5}""", Encoding.UTF8, "application/json"));

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["must be a JSON object."], problem.Errors!["input"]);
    }

    private async Task<int> CountCasesAsync() =>
        (await App.Admin.GetFromJsonAsync<CasePageDto>("/api/cases?pageSize=1"))!.Total;
}
