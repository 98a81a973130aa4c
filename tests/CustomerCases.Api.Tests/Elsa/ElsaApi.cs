using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace CustomerCases.Api.Tests.Elsa;

/// <summary>What a client (Studio, an integration) does against /elsa/api, as one-line helpers.</summary>
internal static class ElsaApi
{
    public const string Base = "/elsa/api";

    public static async Task<JsonObject> ImportAsync(this HttpClient client, JsonObject definition, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsync($"{Base}/workflow-definitions/import", new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"));
        return await response.JsonAsync(expected);
    }

    /// <summary>Studio's save; answers the saved model (Elsa wraps it: <c>{workflowDefinition, alreadyPublished, …}</c>).</summary>
    public static async Task<JsonObject> SaveAsync(this HttpClient client, JsonObject definition, bool publish, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync($"{Base}/workflow-definitions", new JsonObject { ["model"] = definition.DeepClone(), ["publish"] = publish });
        return (await response.JsonAsync(expected))["workflowDefinition"]!.AsObject();
    }

    /// <summary>Publishes the latest version; answers the published model (unwrapped like <see cref="SaveAsync"/>).</summary>
    public static async Task<JsonObject> PublishAsync(this HttpClient client, string definitionId) =>
        (await (await client.PostAsync($"{Base}/workflow-definitions/{definitionId}/publish", null)).JsonAsync(HttpStatusCode.OK))["workflowDefinition"]!.AsObject();

    /// <summary>Imports and publishes; answers the published model.</summary>
    public static async Task<JsonObject> DeployAsync(this HttpClient client, JsonObject definition)
    {
        await client.ImportAsync(definition);
        return await client.PublishAsync(definition["definitionId"]!.GetValue<string>());
    }

    public static async Task<JsonObject> ExecuteAsync(this HttpClient client, string definitionId, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.PostAsJsonAsync($"{Base}/workflow-definitions/{definitionId}/execute", body ?? new { });
        return (JsonObject)(await response.JsonAsync(expected))["workflowState"]!;
    }

    public static async Task<JsonObject> InstanceAsync(this HttpClient client, string instanceId) =>
        await (await client.GetAsync($"{Base}/workflow-instances/{instanceId}")).JsonAsync(HttpStatusCode.OK);

    public static async Task<List<JsonObject>> JournalAsync(this HttpClient client, string instanceId)
    {
        var page = await (await client.GetAsync($"{Base}/workflow-instances/{instanceId}/journal")).JsonAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
    }

    /// <summary>The texts WriteLine activities wrote, in execution order.</summary>
    public static async Task<List<string>> LinesAsync(this HttpClient client, string instanceId) =>
        (await client.JournalAsync(instanceId))
            .Where(e => e["activityType"]!.GetValue<string>() == "Elsa.WriteLine" && e["eventName"]!.GetValue<string>() == "Completed")
            .Select(e => e["payload"]!["text"]!.GetValue<string>())
            .ToList();

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static string Text(this JsonNode? node, string property) => node![property]!.GetValue<string>();
}
