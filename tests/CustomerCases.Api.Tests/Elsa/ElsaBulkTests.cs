using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerCases.Api.Tests.Support;
using static CustomerCases.Api.Tests.Elsa.ElsaWorkflows;

namespace CustomerCases.Api.Tests.Elsa;

/// <summary>The bulk actions of Studio's definition list: publish, retract, delete, export, and many-by-id.</summary>
public abstract class ElsaBulkTests(ProviderFixture fixture)
{
    private const string Bulk = $"{ElsaApi.Base}/bulk-actions";

    private HttpClient Admin => fixture.App.Admin;

    [Fact]
    public async Task BulkPublish_PublishesValid_SkipsInvalidWithTheSingleErrors_ListsPublishedAndUnknown()
    {
        var (valid, invalid, published, unknown) = (NewId("bp-ok"), NewId("bp-bad"), NewId("bp-pub"), NewId("bp-none"));
        await Admin.ImportAsync(Sequence(valid, WriteLine("Line1", "bulk")));
        await Admin.ImportAsync(Sequence(invalid, Activity("Cron1", "Elsa.Cron", ("cronExpression", Literal("every monday"))), Activity("Mystery1", "Acme.DoesNotExist")));
        await Admin.DeployAsync(Sequence(published, WriteLine("Line1", "already")));

        var answer = await PostAsync($"{Bulk}/publish/workflow-definitions/by-definition-ids", new { definitionIds = new[] { valid, invalid, published, unknown, valid } });

        Assert.Equal([valid], Ids(answer, "published"));
        Assert.Equal([published], Ids(answer, "alreadyPublished"));
        Assert.Equal([unknown], Ids(answer, "notFound"));
        Assert.Equal([invalid], Ids(answer, "skipped"));
        var report = Assert.Single(answer["invalid"]!.AsArray())!;
        var single = await (await Admin.PostAsync($"{ElsaApi.Base}/workflow-definitions/{invalid}/publish", null)).ProblemAsync(HttpStatusCode.BadRequest);
        var bulkErrors = report["errors"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.AsArray().Select(m => m!.GetValue<string>()).ToArray());
        Assert.Equal(Flat(single.Errors!), Flat(bulkErrors));
        Assert.Contains("Mystery1", bulkErrors.Keys);
        Assert.Equal(1, report["version"]!.GetValue<int>());

        Assert.Equal(["bulk"], await Admin.LinesAsync((await Admin.ExecuteAsync(valid)).Text("id")));
        var draft = await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/by-definition-id/{invalid}")).JsonAsync(HttpStatusCode.OK);
        Assert.False(draft["isPublished"]!.GetValue<bool>());
    }

    [Fact]
    public async Task BulkRetract_RetractsPublished_ListsDraftsAndUnknown_RunningInstancesKeepGoing()
    {
        var (live, other, draft, unknown) = (NewId("br-live"), NewId("br-other"), NewId("br-draft"), NewId("br-none"));
        var eventName = NewId("br-evt");
        await Admin.DeployAsync(Sequence(live, Activity("Wait1", "Elsa.Event", ("eventName", Literal(eventName))), WriteLine("Line1", "resumed")));
        await Admin.DeployAsync(Sequence(other, WriteLine("Line1", "other")));
        await Admin.ImportAsync(Sequence(draft, WriteLine("Line1", "draft")));
        var running = await Admin.ExecuteAsync(live);

        // Elsa's server spells the route by-definition-id, its client by-definition-ids: both answer.
        var answer = await PostAsync($"{Bulk}/retract/workflow-definitions/by-definition-id", new { definitionIds = new[] { live, draft, unknown } });

        Assert.Equal([live], Ids(answer, "retracted"));
        Assert.Equal([draft], Ids(answer, "alreadyRetracted"));
        Assert.Equal([unknown], Ids(answer, "notFound"));
        await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/by-definition-id/{live}?versionOptions=Published")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/by-definition-id/{other}?versionOptions=Published")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsJsonAsync($"{ElsaApi.Base}/events/{eventName}/trigger", new { })).StatusCode);
        Assert.Equal("Finished", (await Admin.InstanceAsync(running.Text("id"))).Text("status"));
    }

    [Fact]
    public async Task BulkDelete_RefusesTheWholeSelectionWhileOneRuns_ThenDeletesAll()
    {
        var (waiting, idle, unknown) = (NewId("bd-wait"), NewId("bd-idle"), NewId("bd-none"));
        await Admin.DeployAsync(Sequence(waiting, Activity("Wait1", "Elsa.Event", ("eventName", Literal(NewId("never"))))));
        await Admin.ImportAsync(Sequence(idle, WriteLine("Line1", "idle")));
        var running = await Admin.ExecuteAsync(waiting);
        var url = $"{Bulk}/delete/workflow-definitions/by-definition-id";

        var refused = await (await Admin.PostAsJsonAsync(url, new { definitionIds = new[] { idle, waiting } })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("instances_running", refused.Code);
        Assert.Contains(waiting, refused.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/{idle}")).StatusCode); // nothing deleted

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"{ElsaApi.Base}/cancel/workflow-instances/{running.Text("id")}", null)).StatusCode);
        var answer = await PostAsync(url, new { definitionIds = new[] { idle, waiting, unknown } });

        Assert.Equal(2, answer["deleted"]!.GetValue<int>());
        Assert.Equal([unknown], Ids(answer, "notFound"));
        await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/{idle}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/{waiting}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Cancelled", (await Admin.InstanceAsync(running.Text("id"))).Text("subStatus"));
    }

    [Fact]
    public async Task BulkDeleteVersions_RefusesThePublishedVersion_DeletingTheLatestDraftMakesThePublishedLatest()
    {
        var id = NewId("bdv");
        var v1 = await Admin.DeployAsync(Sequence(id, WriteLine("Line1", "one")));
        var v2 = await Admin.SaveAsync(Sequence(id, WriteLine("Line1", "two")), publish: false, HttpStatusCode.OK);
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        var url = $"{Bulk}/delete/workflow-definitions/by-id";

        var refused = await (await Admin.PostAsJsonAsync(url, new { ids = new[] { v2.Text("id"), v1.Text("id") } })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("version_published", refused.Code);
        var answer = await PostAsync(url, new { ids = new[] { v2.Text("id") } });

        Assert.Equal(1, answer["deleted"]!.GetValue<int>());
        var latest = await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/by-definition-id/{id}?versionOptions=Latest")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((1, true, true), (latest["version"]!.GetValue<int>(), latest["isLatest"]!.GetValue<bool>(), latest["isPublished"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task BulkExport_ZipsOneImportableFilePerVersion_UnknownIdIs404_ManyByIdAnswersTheModels()
    {
        var (first, second) = (NewId("bx-a"), NewId("bx-b"));
        var a = await Admin.DeployAsync(Sequence(first, WriteLine("Line1", "a")));
        var b = await Admin.ImportAsync(Sequence(second, WriteLine("Line1", "b")));

        var response = await Admin.PostAsJsonAsync($"{Bulk}/export/workflow-definitions", new { ids = new[] { a.Text("id"), b.Text("id") } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("workflow-definitions.zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal([$"{first}.json", $"{second}.json"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        await using (var entry = zip.GetEntry($"{second}.json")!.Open())
        {
            var exported = (await JsonNode.ParseAsync(entry))!.AsObject();
            Assert.StartsWith("https://elsaworkflows.io/schemas/", exported.Text("$schema"), StringComparison.Ordinal);
            Assert.Equal((second, b.Text("id")), (exported.Text("definitionId"), exported.Text("id")));
        }

        var missing = NewId("bx-none");
        var notFound = await (await Admin.PostAsJsonAsync($"{Bulk}/export/workflow-definitions", new { ids = new[] { a.Text("id"), missing } })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(missing, notFound.Detail, StringComparison.Ordinal);

        var many = await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/many-by-id?ids={b.Text("id")}&ids={missing}&ids={a.Text("id")}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, many["count"]!.GetValue<int>());
        Assert.Equal([second, first], many["items"]!.AsArray().Select(i => i.Text("definitionId")));
        Assert.NotNull(many["items"]![0]!["links"]);
    }

    [Fact]
    public async Task ImportFiles_BulkExportZipAndAJsonFile_ImportAsDrafts_SameFilesAgainAddNoVersion_BadFileImportsNothing()
    {
        var (first, second, third) = (NewId("if-a"), NewId("if-b"), NewId("if-c"));
        var a = await Admin.ImportAsync(Sequence(first, WriteLine("Line1", "a")));
        var b = await Admin.ImportAsync(Sequence(second, WriteLine("Line1", "b")));
        var zip = await (await Admin.PostAsJsonAsync($"{Bulk}/export/workflow-definitions", new { ids = new[] { a.Text("id"), b.Text("id") } })).Content.ReadAsByteArrayAsync();
        await PostAsync($"{Bulk}/delete/workflow-definitions/by-definition-id", new { definitionIds = new[] { first, second } });
        var url = $"{ElsaApi.Base}/workflow-definitions/import-files";
        MultipartFormDataContent Files(params (string Name, byte[] Content)[] files)
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, content) in files)
            {
                form.Add(new ByteArrayContent(content), "files", name);
            }

            return form;
        }

        var json = System.Text.Encoding.UTF8.GetBytes(Sequence(third, WriteLine("Line1", "c")).ToJsonString());
        var answer = await (await Admin.PostAsync(url, Files(("workflow-definitions.zip", zip), ("c.json", json)))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, answer["count"]!.GetValue<int>());
        Assert.Equal(new[] { first, second, third }.Order(StringComparer.Ordinal), Ids(answer, "definitionIds").Order(StringComparer.Ordinal));
        var imported = await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/by-definition-id/{second}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((1, false), (imported["version"]!.GetValue<int>(), imported["isPublished"]!.GetValue<bool>()));

        Assert.Equal(3, (await (await Admin.PostAsync(url, Files(("again.zip", zip), ("c.json", json)))).JsonAsync(HttpStatusCode.OK))["count"]!.GetValue<int>());
        var versions = await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/{third}/versions")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, versions["totalCount"]!.GetValue<int>());

        var fourth = NewId("if-d");
        var fourthJson = System.Text.Encoding.UTF8.GetBytes(Sequence(fourth, WriteLine("Line1", "d")).ToJsonString());
        var refused = await (await Admin.PostAsync(url, Files(("d.json", fourthJson), ("broken.json", "{ not json"u8.ToArray())))).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("broken.json", refused.Detail, StringComparison.Ordinal);
        await (await Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/{fourth}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BulkActions_DesignerOnly_EmptySelectionIs400()
    {
        var agent = await fixture.App.ClientWithRolesAsync("agent");
        var designer = await fixture.App.ClientWithRolesAsync("designer");
        var id = NewId("brole");
        await Admin.ImportAsync(Sequence(id, WriteLine("Line1", "x")));

        foreach (var route in new[] { "publish/workflow-definitions/by-definition-ids", "retract/workflow-definitions/by-definition-ids", "delete/workflow-definitions/by-definition-id" })
        {
            await (await agent.PostAsJsonAsync($"{Bulk}/{route}", new { definitionIds = new[] { id } })).ProblemAsync(HttpStatusCode.Forbidden);
            var empty = await (await designer.PostAsJsonAsync($"{Bulk}/{route}", new { definitionIds = Array.Empty<string>() })).ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Contains("definitionIds", empty.Errors!.Keys);
        }

        await (await agent.PostAsJsonAsync($"{Bulk}/export/workflow-definitions", new { ids = new[] { id } })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await designer.PostAsJsonAsync($"{Bulk}/export/workflow-definitions", new { ids = new[] { " " } })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([id], Ids(await (await designer.PostAsJsonAsync($"{Bulk}/publish/workflow-definitions/by-definition-ids", new { definitionIds = new[] { id } })).JsonAsync(HttpStatusCode.OK), "published"));
    }

    private async Task<JsonObject> PostAsync(string url, object body) => await (await Admin.PostAsJsonAsync(url, body)).JsonAsync(HttpStatusCode.OK);

    private static string Flat(IReadOnlyDictionary<string, string[]> errors) =>
        string.Join(" | ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + ": " + string.Join("; ", e.Value)));

    private static List<string> Ids(JsonObject answer, string list) => answer[list]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
}

[Collection(ElsaOnSqlite.Name)]
public sealed class ElsaBulkTestsOnSqlite(SqliteFixture fixture) : ElsaBulkTests(fixture);

[Collection(ElsaOnPostgreSql.Name)]
public sealed class ElsaBulkTestsOnPostgreSql(PostgreSqlFixture fixture) : ElsaBulkTests(fixture);
