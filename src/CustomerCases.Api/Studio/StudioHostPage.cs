namespace CustomerCases.Api.Studio;

/// <summary>The host page (<c>Studio/studio.html</c>, embedded): static, with no key or per-user data in it.</summary>
internal static class StudioHostPage
{
    public static string Html { get; } = Load();

    private static string Load()
    {
        using var stream = typeof(StudioHostPage).Assembly.GetManifestResourceStream("CustomerCases.Api.Studio.studio.html")
            ?? throw new InvalidOperationException("The embedded Studio host page is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
