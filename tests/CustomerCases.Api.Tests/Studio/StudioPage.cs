using Microsoft.Playwright;

namespace CustomerCases.Api.Tests.Studio;

/// <summary>
/// A browser tab on /studio signed in as the designer (the key put in session storage, as the host page's form does),
/// recording every Elsa API call and every failure: a non-success answer, a failed request or a console error.
/// </summary>
internal sealed class StudioPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private StudioPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    public List<string> ApiCalls { get; } = [];

    public List<string> Failures { get; } = [];

    public static async Task<StudioPage> OpenAsync(StudioFixture fixture)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var page = await context.NewPageAsync();
        var studio = new StudioPage(context, page);
        await page.AddInitScriptAsync($"sessionStorage.setItem('customercases.apiKey', '{fixture.DesignerKey}');");
        page.Response += (_, r) =>
        {
            var path = new Uri(r.Url).PathAndQuery;
            if (path.StartsWith("/elsa/api", StringComparison.Ordinal))
            {
                lock (studio.ApiCalls)
                {
                    studio.ApiCalls.Add($"{r.Request.Method} {path} {r.Status}");
                }
            }

            if (r.Status >= 400)
            {
                studio.Fail($"{r.Status} {r.Request.Method} {path}");
            }
        };
        page.RequestFailed += (_, r) => studio.Fail($"request failed: {r.Method} {r.Url} ({r.Failure})");
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                studio.Fail("console: " + m.Text);
            }
        };
        page.PageError += (_, e) => studio.Fail("page error: " + e);
        page.SetDefaultTimeout(90_000); // a cold Blazor WebAssembly start on a loaded CI machine
        return studio;
    }

    public async Task GotoAsync(StudioFixture fixture, string path) => await Page.GotoAsync(new Uri(fixture.Address, path).ToString());

    /// <summary>No failure recorded and Blazor's error bar hidden.</summary>
    public async Task AssertHealthyAsync()
    {
        Assert.False(await Page.Locator("#blazor-error-ui").IsVisibleAsync(), "Blazor's error bar is showing");
        lock (Failures)
        {
            Assert.True(Failures.Count == 0, "Studio met failures:\n" + string.Join('\n', Failures));
        }
    }

    public static string ArtefactPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "studio-artefacts");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }

    private void Fail(string failure)
    {
        lock (Failures)
        {
            Failures.Add(failure);
        }
    }

    /// <summary>Keeps the last view as an artefact (what the designer saw when a step timed out), then closes the tab.</summary>
    public async ValueTask DisposeAsync()
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = ArtefactPath($"last-{Guid.NewGuid():N}.png") });
        await _context.DisposeAsync();
    }
}
