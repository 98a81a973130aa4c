namespace CustomerCases.Api.Triage.Training;

/// <summary>
/// The private temporary folders of training runs. They hold customers' request texts, so a folder a crashed service
/// left behind is deleted by the next run rather than kept in the temp directory for ever.
/// </summary>
internal static class TrainingFolders
{
    public const string Prefix = "customercases-training-";

    /// <summary>Older than any run: training is capped at minutes (RetrainSelectionBudget), a live folder is never this old.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromDays(1);

    public static DirectoryInfo Create() => Directory.CreateTempSubdirectory(Prefix);

    /// <summary>Deletes run folders last written before <paramref name="now"/> − <paramref name="age"/>; returns how many.</summary>
    public static int DeleteAbandoned(DateTimeOffset now, TimeSpan age)
    {
        var deleted = 0;
        foreach (var folder in new DirectoryInfo(Path.GetTempPath()).EnumerateDirectories(Prefix + "*"))
        {
            try
            {
                if (folder.LastWriteTimeUtc < (now - age).UtcDateTime)
                {
                    folder.Delete(recursive: true);
                    deleted++;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another user's folder, or one in use: not ours to force.
            }
        }

        return deleted;
    }
}
