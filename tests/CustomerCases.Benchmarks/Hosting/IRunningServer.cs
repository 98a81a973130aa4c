namespace CustomerCases.Benchmarks.Hosting;

/// <summary>A server a scenario loads, whether in this process or a child; disposing stops it.</summary>
public interface IRunningServer : IAsyncDisposable
{
    Uri BaseAddress { get; }
}
