namespace CustomerCases.Benchmarks.Hosting;

/// <summary>A dll beside the benchmark assembly to run with <c>dotnet</c>, plus arguments placed before <c>--urls</c>.</summary>
public sealed record ServiceCommand(string Dll, IReadOnlyList<string> Arguments);
