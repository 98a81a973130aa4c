namespace CustomerCases.Benchmarks.Load;

/// <summary>
/// Sends one request before any measurement so a wrong route, body or key fails in a second with the response
/// (and the service's last log lines), instead of producing a table full of 404s after a minute of load.
/// </summary>
public static class Probe
{
    public static async Task EnsureWorksAsync(LoadTarget target, Func<string>? serverOutput, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var request = target.CreateRequest(0);
        using var response = await http.SendAsync(request, ct);
        if (response.StatusCode != target.ExpectedStatus)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new InvalidOperationException(
                $"{target.Name}: expected {(int)target.ExpectedStatus}, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}" +
                (serverOutput is null ? "" : $"{Environment.NewLine}server output:{Environment.NewLine}{serverOutput()}"));
        }
    }
}
