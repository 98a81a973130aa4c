using System.Text.Json.Nodes;
using CustomerCases.Api.Studio;

// In the Hosting namespace (which Program.cs already imports), like MapElsaApi: hosting Studio is one line there.
namespace CustomerCases.Api.Hosting;

/// <summary>
/// Elsa Studio at <c>/studio</c>: our host page (the custom elements, the designer's key from session storage), a
/// generated <c>appsettings.json</c> pointing Studio at this service's <c>/elsa/api</c>, and the package's static files.
/// Anonymous by design: the page and the package hold no data and no secret; every API call Studio makes needs a key.
/// Without the package the service still starts, logs how to install it, and <c>/studio</c> explains the same.
/// </summary>
internal static partial class StudioEndpoints
{
    public static WebApplication MapStudio(this WebApplication app)
    {
        var package = StudioPackage.Locate(app.Configuration);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CustomerCases.Api.Studio");
        if (package.IsInstalled)
        {
            LogServing(logger, package.Version!, package.Folder);
        }
        else
        {
            LogMissing(logger, StudioPackage.NpmName, package.Folder, NpmFolder(package));
        }

        var studio = app.MapGroup("/studio").AllowAnonymous().ExcludeFromDescription();
        studio.MapGet("/", (HttpContext context) =>
            context.Request.Path.Value?.EndsWith('/') == true ? Page(context, package) : Results.Redirect(context.Request.PathBase + "/studio/"));
        studio.MapGet("/appsettings.json", (HttpContext context) => package.IsInstalled ? Settings(context) : NotInstalled(context, package));
        studio.MapGet("/{**path}", (string path, HttpContext context) =>
            package.Find(path) is { } file && !IsReplaced(path) ? StudioFiles.Serve(context, file)
            : Path.HasExtension(path) ? Results.Problem(statusCode: 404, title: "Not found", detail: $"Studio has no file '{path}'.")
            : Page(context, package));
        return app;
    }

    /// <summary>The package's own index.html and appsettings.json are never served: ours replace them.</summary>
    private static bool IsReplaced(string path) => path is "index.html" or "appsettings.json";

    private static IResult Page(HttpContext context, StudioPackage package)
    {
        if (!package.IsInstalled)
        {
            return NotInstalled(context, package);
        }

        context.Response.Headers.CacheControl = "no-cache";
        var html = StudioHostPage.Html.Replace("<base href=\"/studio/\"/>", $"<base href=\"{context.Request.PathBase}/studio/\"/>", StringComparison.Ordinal);
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>Studio reads Backend:Url at start; the elements also get it as remote-endpoint from the page.</summary>
    private static IResult Settings(HttpContext context)
    {
        var request = context.Request;
        var settings = new JsonObject
        {
            ["Logging"] = new JsonObject { ["LogLevel"] = new JsonObject { ["Default"] = "Information", ["Microsoft.AspNetCore"] = "Warning" } },
            ["Backend"] = new JsonObject { ["Url"] = $"{request.Scheme}://{request.Host}{request.PathBase}/elsa/api" },
        };
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Text(settings.ToJsonString(), "application/json");
    }

    private static IResult NotInstalled(HttpContext context, StudioPackage package)
    {
        var detail = $"Elsa Studio is not installed on this server: the npm package {StudioPackage.NpmName} was not found in {package.Folder}. "
            + $"Install Node.js 20+ with npm and build the service again (the build runs `npm ci` in {NpmFolder(package)}), "
            + "or set Studio:PackageFolder to an unpacked copy of the package.";
        if (!context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem(statusCode: 503, title: "Elsa Studio is not installed", detail: detail,
                extensions: new Dictionary<string, object?> { ["code"] = "studio_not_installed" });
        }

        var html = $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/><title>Elsa Studio is not installed</title></head>"
            + $"<body style=\"font-family: system-ui, sans-serif; max-width: 46rem; margin: 3rem auto\"><h1>Elsa Studio is not installed</h1>"
            + $"<p>{System.Net.WebUtility.HtmlEncode(detail)}</p><p>The REST API under <code>/elsa/api</code> works without it.</p></body></html>";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: 503);
    }

    private static string NpmFolder(StudioPackage package) =>
        Path.GetFullPath(Path.Combine(package.Folder, "..", "..", ".."));

    [LoggerMessage(EventId = 5200, Level = LogLevel.Information, Message = "Elsa Studio {Version} is served at /studio from {Folder}")]
    private static partial void LogServing(ILogger logger, string version, string folder);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning,
        Message = "Elsa Studio is not installed ({Package} not found in {Folder}): /studio answers 503. To enable it, install Node.js 20+ with npm and build again (the build runs `npm ci` in {NpmFolder}), or set Studio:PackageFolder.")]
    private static partial void LogMissing(ILogger logger, string package, string folder, string npmFolder);
}
