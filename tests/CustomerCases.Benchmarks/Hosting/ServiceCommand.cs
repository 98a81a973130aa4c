namespace CustomerCases.Benchmarks.Hosting;

/// <summary>
/// A dll to run with <c>dotnet</c> — beside the benchmark assembly, or in <paramref name="Folder"/> (e.g. a ReadyToRun
/// publish of the service) —, the arguments placed before <c>--urls</c>, and the SQLite file name (in the run's scratch
/// folder) given to it as <c>ConnectionStrings__CustomerCases</c>.
/// </summary>
public sealed record ServiceCommand(string Dll, IReadOnlyList<string> Arguments, string DatabaseFileName = "cases.db", string? Folder = null);
