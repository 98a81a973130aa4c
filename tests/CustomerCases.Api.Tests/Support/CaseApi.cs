using System.Net;
using System.Net.Http.Json;

namespace CustomerCases.Api.Tests.Support;

/// <summary>Small helpers so tests read as what a client does.</summary>
public static class CaseApi
{
    public static object NewCase(string? email = null, string subject = "My parcel never arrived", string? priority = null,
        string description = "Ordered two weeks ago, order 5521, still nothing.", string[]? tags = null, string? category = null) => new
    {
        customer = new { email = email ?? $"{Guid.NewGuid():N}@example.com", name = "Test Customer" },
        subject,
        description,
        channel = "email",
        priority,
        category,
        tags = tags ?? [],
    };

    public static async Task<CaseDto> CreateAsync(this HttpClient client, object? request = null)
    {
        var response = await client.PostAsJsonAsync("/api/cases", request ?? NewCase());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CaseDto>())!;
    }

    public static async Task<CaseDto> GetCaseAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<CaseDto>($"/api/cases/{id}"))!;

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, object body) =>
        client.PatchAsync(url, JsonContent.Create(body));

    public static async Task<ProblemDto> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<ProblemDto>())!;
    }
}
