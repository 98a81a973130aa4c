namespace CustomerCases.Benchmarks.Hosting;

/// <summary>
/// A dll beside the benchmark assembly to run with <c>dotnet</c>, the arguments placed before <c>--urls</c>, and the
/// SQLite file name (in the run's scratch folder) given to it as <c>ConnectionStrings__CustomerCases</c>.
/// </summary>
public sealed record ServiceCommand(string Dll, IReadOnlyList<string> Arguments, string DatabaseFileName = "cases.db");
