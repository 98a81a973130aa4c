// One entry point for every benchmark scenario: `dotnet run -c Release --project tests/CustomerCases.Benchmarks -- <scenario> [options]`.
// Each scenario lives in its own folder and runs its baseline in the same process and run.
return await CustomerCases.Benchmarks.ScenarioCatalog.RunAsync(args);
