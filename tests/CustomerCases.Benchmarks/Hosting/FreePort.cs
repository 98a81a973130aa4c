using System.Net;
using System.Net.Sockets;

namespace CustomerCases.Benchmarks.Hosting;

internal static class FreePort
{
    /// <summary>A loopback port the OS considers free right now (bind to 0, read, release).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
