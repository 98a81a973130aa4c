using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CustomerCases.Api.Tests.Elsa;
using CustomerCases.Api.Tests.Support;
using Microsoft.Playwright;

namespace CustomerCases.Api.Tests.Studio;

/// <summary>
/// Elsa Studio 3.8.2 in headless Chromium against the running service: what a process designer does every day —
/// open the list, open a shipped case workflow, add an activity and a connection, publish, look at an instance.
/// Every Elsa API call Studio makes must succeed and Blazor's error bar must never show.
/// </summary>
public abstract class StudioBrowserTests(StudioFixture fixture)
{
    [Fact]
    public async Task DefinitionList_OpenShippedComplaintWorkflow_EveryActivityIsDrawn()
    {
        await using var studio = await StudioPage.OpenAsync(fixture);
        var page = studio.Page;

        await studio.GotoAsync(fixture, "/studio/");
        await page.Locator("tr", new PageLocatorOptions { HasText = "complaint" }).First.ClickAsync();
        await page.WaitForURLAsync("**/studio/definitions/complaint");

        var shipped = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "complaint.json")))!;
        var activityIds = shipped["root"]!["activities"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()).ToList();
        foreach (var id in activityIds)
        {
            await page.Locator($".x6-node[data-cell-id='{id}']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        }

        Assert.Equal(activityIds.Count, await page.Locator(".x6-node").CountAsync());
        Assert.Equal(shipped["root"]!["connections"]!.AsArray().Count, await page.Locator(".x6-edge").CountAsync());
        var screenshot = StudioPage.ArtefactPath($"complaint-{GetType().Name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is empty");
        Assert.Contains(studio.ApiCalls, c => c.StartsWith("GET /elsa/api/descriptors/activities", StringComparison.Ordinal));
        await studio.AssertHealthyAsync();
    }

    [Fact]
    public async Task PropertyPanel_DropdownInput_ShowsTheStoredValueSelected()
    {
        await using var studio = await StudioPage.OpenAsync(fixture);
        var page = studio.Page;
        await studio.GotoAsync(fixture, "/studio/definitions/complaint");
        var note = page.Locator(".x6-node[data-cell-id='Note1']"); // AddCaseMessage with kind InternalNote (workflows/complaint.json)
        await note.WaitForAsync();

        await note.ClickAsync(new LocatorClickOptions { Force = true });

        // Studio selects the item whose value equals the stored literal; the helper text also names both kinds, so only
        // the select's own input and slot count.
        const string kindShows = """
            value => [...document.querySelectorAll('.mud-input-control')]
                .filter(c => c.querySelector('label')?.textContent.trim() === 'Kind')
                .some(c => [...c.querySelectorAll('input, .mud-input-slot')].some(e => (e.value ?? e.textContent).trim() === value))
            """;
        try
        {
            await page.WaitForFunctionAsync(kindShows, "InternalNote");
        }
        catch (TimeoutException)
        {
            var control = page.Locator(".mud-input-control", new PageLocatorOptions { HasText = "Kind" });
            Assert.Fail("the Kind dropdown does not show InternalNote: " + (await control.CountAsync() > 0 ? await control.First.InnerHTMLAsync() : "no Kind input"));
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = StudioPage.ArtefactPath($"dropdown-{GetType().Name}.png") });
        await studio.AssertHealthyAsync();
    }

    [Fact]
    public async Task Designer_AddWriteLineAfterCustomerReply_PublishedVersionRunsForNewCasesOnly()
    {
        var tag = "studio-" + Guid.NewGuid().ToString("N")[..8];
        var definitionId = tag;
        await fixture.Admin.ImportAsync(WaitingWorkflow(definitionId, tag));
        await fixture.Admin.PublishAsync(definitionId);
        var before = await fixture.Admin.CreateAsync(CaseApi.NewCase(subject: tag + " before the change"));
        var oldInstance = Assert.Single(await InstancesAsync(definitionId));
        Assert.Equal(1, oldInstance["version"]!.GetValue<int>());

        await using var studio = await StudioPage.OpenAsync(fixture);
        var page = studio.Page;
        await studio.GotoAsync(fixture, $"/studio/definitions/{definitionId}");
        await page.Locator(".x6-node[data-cell-id='CaseCreated1']").WaitForAsync();

        // Drag "Write Line" from the toolbox onto the canvas, then connect the free Replied port to it (the designer allows
        // one connection per outcome port: a second one from an already connected port is refused, as in Elsa).
        await page.GetByText("Primitives", new PageGetByTextOptions { Exact = true }).ClickAsync();
        await page.Locator("[draggable=true]", new PageLocatorOptions { HasText = "Write Line" }).First
            .DragToAsync(page.Locator(".x6-graph-svg").First, new LocatorDragToOptions { TargetPosition = new TargetPosition { X = 420, Y = 540 } });
        var added = page.Locator(".x6-node", new PageLocatorOptions { HasText = "Write Line" });
        await added.WaitForAsync();
        var addedId = (await added.GetAttributeAsync("data-cell-id"))!;
        await ConnectAsync(page, page.Locator(".x6-node[data-cell-id='WaitForCustomer1'] [port='Replied']").First,
            page.Locator($".x6-node[data-cell-id='{addedId}'] [port-group='in']").First);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.x6-edge').length >= 2"); // the imported edge and ours

        // Give it a text in the activity's Input tab, then publish (Studio publishes by saving with publish: true).
        await page.Locator($".x6-node[data-cell-id='{addedId}']").ClickAsync(new LocatorClickOptions { Force = true }); // selected: a selection box lies over it
        var text = page.Locator(".mud-input-control", new PageLocatorOptions { HasText = "Text" }).Locator("input").First;
        await text.FillAsync(tag + " says hello");
        await text.PressAsync("Tab");
        var published = await page.RunAndWaitForResponseAsync(
            () => page.Locator(".mud-toolbar", new PageLocatorOptions { HasText = "Auto-save" }).Locator("button:visible").Nth(4).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/elsa/api/workflow-definitions", StringComparison.Ordinal)
                && r.Request.PostData!.Contains("\"publish\":true", StringComparison.Ordinal));
        Assert.Equal(200, published.Status);

        // Stored and validated: version 2 is the published one, with the new activity, its text and the connection.
        var latest = await (await fixture.Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Published"))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, latest["version"]!.GetValue<int>());
        var writeLine = latest["root"]!["activities"]!.AsArray().Single(a => a!.Text("id") == addedId)!;
        Assert.Equal("Elsa.WriteLine", writeLine.Text("type"));
        Assert.Contains(latest["root"]!["connections"]!.AsArray(),
            c => c!["source"]!.Text("activity") == "WaitForCustomer1" && c["source"]!.Text("port") == "Replied" && c["target"]!.Text("activity") == addedId);

        // A case created now runs version 2; the instance started before stays on version 1. When both customers
        // reply, only the new version writes the line.
        var after = await fixture.Admin.CreateAsync(CaseApi.NewCase(subject: tag + " after the change"));
        foreach (var reply in new[] { before, after })
        {
            var answered = await fixture.Admin.PostAsJsonAsync($"/api/cases/{reply.Id}/messages", new { kind = "customer", body = "Here is my answer." });
            Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());
        }

        var instances = await InstancesAsync(definitionId);
        var newInstance = instances.Single(i => i!.Text("correlationId") == after.Id.ToString());
        Assert.Equal(2, newInstance["version"]!.GetValue<int>());
        Assert.Contains(tag + " says hello", await fixture.Admin.LinesAsync(newInstance.Text("id")));
        var old = instances.Single(i => i!.Text("correlationId") == before.Id.ToString());
        Assert.Equal(1, old["version"]!.GetValue<int>());
        Assert.Empty(await fixture.Admin.LinesAsync(old.Text("id")));

        // The instance viewer draws the old instance with its own (version 1) diagram.
        await studio.GotoAsync(fixture, $"/studio/instances/{old.Text("id")}");
        await page.Locator(".x6-node[data-cell-id='WaitForCustomer1']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        Assert.Equal(0, await page.Locator($".x6-node[data-cell-id='{addedId}']").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = StudioPage.ArtefactPath($"instance-{GetType().Name}.png") });
        await studio.AssertHealthyAsync();
    }

    [Fact]
    public async Task ActivityTestTab_RunsTheSelectedActivityWithTheVariablesTestValue_AndStoresNothing()
    {
        var definitionId = "studio-test-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Admin.ImportAsync(ElsaWorkflows.Definition(definitionId,
            [ElsaWorkflows.Activity("Start1", "Elsa.Start"), ElsaWorkflows.Activity("Line1", "Elsa.WriteLine", ("text", ElsaWorkflows.Expr("JavaScript", "'tested ' + getGreeting()", "String")))],
            [ElsaWorkflows.Connection("Start1", "Line1")],
            [new JsonObject { ["id"] = "var-greeting", ["name"] = "Greeting", ["typeName"] = "String", ["value"] = "by default" }]));

        await using var studio = await StudioPage.OpenAsync(fixture);
        var page = studio.Page;
        await studio.GotoAsync(fixture, $"/studio/definitions/{definitionId}");
        var line = page.Locator(".x6-node[data-cell-id='Line1']");
        await line.WaitForAsync();

        // The workflow's Variables tab: the flask on the variable's row opens "Set Variable Test Value"; OK auto-saves.
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Variables", Exact = true }).ClickAsync();
        await page.Locator("tr", new PageLocatorOptions { HasText = "Greeting" }).Locator("button").First.ClickAsync();
        await page.GetByLabel("Test Value").FillAsync("from the test value");
        var saved = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Ok" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/elsa/api/workflow-definitions", StringComparison.Ordinal));
        Assert.Equal(200, saved.Status);
        var stored = await (await fixture.Admin.GetAsync($"{ElsaApi.Base}/workflow-definitions/by-definition-id/{definitionId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("from the test value", stored["customProperties"]!["VariableTestValues"]!["var-greeting"]!.GetValue<string>());

        // The activity's Test tab: Start runs it alone on the saved version and lists what it did.
        await line.ClickAsync(new LocatorClickOptions { Force = true });
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Test", Exact = true }).ClickAsync();
        var tested = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Start", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/elsa/api/tests/activities", StringComparison.Ordinal));
        Assert.Equal(200, tested.Status);
        var panel = page.Locator(".mud-tabs-panels").Filter(new LocatorFilterOptions { HasText = "tested from the test value" });
        await panel.First.WaitForAsync();
        var shown = await panel.First.InnerTextAsync();
        Assert.Contains("Completed", shown, StringComparison.Ordinal);
        Assert.Contains("Done", shown, StringComparison.Ordinal); // its outcome
        Assert.DoesNotContain("No outcomes", shown, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = StudioPage.ArtefactPath($"test-tab-{GetType().Name}.png") });

        Assert.Empty(await InstancesAsync(definitionId)); // a test run stores nothing
        await studio.AssertHealthyAsync();
    }

    /// <summary>Presses on the source port, moves in steps (the designer tracks the pointer) and releases on the target port.</summary>
    private static async Task ConnectAsync(IPage page, ILocator source, ILocator target)
    {
        var from = (await source.BoundingBoxAsync())!;
        var to = (await target.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2), new MouseMoveOptions { Steps = 5 });
        await page.WaitForTimeoutAsync(300);
        await page.Mouse.DownAsync();
        for (var step = 1; step <= 20; step++)
        {
            // Pointer pacing for the designer's drag handling (not a timing assertion).
            await page.Mouse.MoveAsync(from.X + (from.Width / 2) + ((to.X - from.X) * step / 20), from.Y + (from.Height / 2) + ((to.Y - from.Y) * step / 20));
            await page.WaitForTimeoutAsync(20);
        }

        await page.WaitForTimeoutAsync(300);
        await page.Mouse.UpAsync();
    }

    private async Task<List<JsonObject>> InstancesAsync(string definitionId)
    {
        var response = await fixture.Admin.PostAsJsonAsync($"{ElsaApi.Base}/workflow-instances", new { definitionId });
        return (await response.JsonAsync(HttpStatusCode.OK))["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
    }

    /// <summary>Starts for cases whose subject begins with the tag, then waits for the customer (an instance that stays running).</summary>
    private static JsonObject WaitingWorkflow(string definitionId, string tag) => JsonNode.Parse($$"""
        {
          "definitionId": "{{definitionId}}", "name": "Studio test {{tag}}", "version": 1,
          "root": {
            "id": "root", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "CaseCreated1", "type": "CustomerCases.CaseCreated", "version": 1,
                "condition": { "typeName": "Boolean", "expression": { "type": "JavaScript", "value": "getCase().subject.indexOf('{{tag}}') === 0" } },
                "customProperties": { "canStartWorkflow": true },
                "metadata": { "designer": { "position": { "x": 0, "y": 0 } } } },
              { "id": "WaitForCustomer1", "type": "CustomerCases.WaitForCustomer", "version": 1,
                "metadata": { "designer": { "position": { "x": 320, "y": 0 } } } }
            ],
            "connections": [ { "source": { "activity": "CaseCreated1", "port": "Done" }, "target": { "activity": "WaitForCustomer1", "port": "In" } } ]
          }
        }
        """)!.AsObject();
}

[Collection(StudioOnSqlite.Name)]
public sealed class StudioBrowserTestsOnSqlite(StudioSqliteFixture fixture) : StudioBrowserTests(fixture);

[Collection(StudioOnPostgreSql.Name)]
public sealed class StudioBrowserTestsOnPostgreSql(StudioPostgreSqlFixture fixture) : StudioBrowserTests(fixture);

[CollectionDefinition(Name)]
public sealed class StudioOnSqlite : ICollectionFixture<StudioSqliteFixture>
{
    public const string Name = "Studio in Chromium on SQLite";
}

[CollectionDefinition(Name)]
public sealed class StudioOnPostgreSql : ICollectionFixture<StudioPostgreSqlFixture>
{
    public const string Name = "Studio in Chromium on PostgreSQL";
}
