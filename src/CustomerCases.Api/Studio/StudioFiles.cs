using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CustomerCases.Api.Studio;

/// <summary>
/// Serves the package's static files (Blazor WebAssembly: <c>_framework/*.wasm</c>, <c>*.dat</c>, scripts, styles)
/// with the right content types, and its precompressed <c>.br</c>/<c>.gz</c> twins when the browser accepts them
/// (~90 MB become ~25 MB). Every answer carries an ETag and is revalidated (<c>no-cache</c>): the loader scripts are
/// not fingerprinted, so an upgraded package must never meet a stale browser cache.
/// </summary>
internal static class StudioFiles
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    public static IResult Serve(HttpContext context, FileInfo file)
    {
        if (!ContentTypes.TryGetContentType(file.Name, out var contentType))
        {
            contentType = "application/octet-stream";
        }

        var served = file;
        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        foreach (var (encoding, suffix) in new[] { ("br", ".br"), ("gzip", ".gz") })
        {
            var twin = new FileInfo(file.FullName + suffix);
            if (accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase) && twin.Exists && !IsCompressed(file.Name))
            {
                context.Response.Headers.ContentEncoding = encoding;
                served = twin;
                break;
            }
        }

        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        context.Response.Headers.CacheControl = "no-cache";
        var etag = new EntityTagHeaderValue(new StringSegment($"\"{served.Length:x}-{served.LastWriteTimeUtc.Ticks:x}\""));
        return Results.File(served.FullName, contentType, lastModified: served.LastWriteTimeUtc, entityTag: etag);
    }

    private static bool IsCompressed(string name) =>
        name.EndsWith(".br", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".wasm"] = "application/wasm";
        provider.Mappings[".dat"] = "application/octet-stream";   // ICU data
        provider.Mappings[".blat"] = "application/octet-stream";  // Blazor resource bundles (other builds)
        provider.Mappings[".dll"] = "application/octet-stream";
        provider.Mappings[".pdb"] = "application/octet-stream";
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        provider.Mappings[".map"] = "application/json";
        provider.Mappings[".mjs"] = "text/javascript";
        provider.Mappings[".js"] = "text/javascript";
        return provider;
    }
}
