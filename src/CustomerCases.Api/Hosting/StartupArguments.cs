namespace CustomerCases.Api.Hosting;

internal static class StartupArguments
{
    /// <summary>
    /// The command line with configuration reload switched off. The host otherwise watches its content root
    /// recursively for appsettings changes (inotify on Linux), and the SQLite file lives under it by default
    /// (<c>./data</c>): every page written to the database or its WAL raised a file event that the kernel queued and a
    /// watcher thread read and discarded — measured at about a third of the write system calls' time in the durable
    /// workflow benchmark. Options are bound once at start anyway, so a configuration change needs a restart.
    /// Given first, so that an explicit <c>--hostBuilder:reloadConfigOnChange=true</c> still wins.
    /// </summary>
    public static string[] WithoutConfigurationWatcher(string[] args) => ["--hostBuilder:reloadConfigOnChange=false", .. args];
}
