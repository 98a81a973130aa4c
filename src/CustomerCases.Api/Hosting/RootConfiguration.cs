using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace CustomerCases.Api.Hosting;

internal static class RootConfiguration
{
    /// <summary>
    /// The repository's root appsettings.json is copied beside the binaries. `dotnet run` uses the project folder as
    /// content root, so the file is loaded from the binaries' folder explicitly, as the lowest-priority source:
    /// environment variables (Section__Key), the command line and tests still override it.
    /// </summary>
    public static WebApplicationBuilder AddRootConfiguration(this WebApplicationBuilder builder)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(file))
        {
            var source = new JsonConfigurationSource
            {
                Path = "appsettings.json",
                Optional = false,
                ReloadOnChange = false,
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            };
            ((IConfigurationBuilder)builder.Configuration).Sources.Insert(0, source);
        }

        return builder;
    }
}
