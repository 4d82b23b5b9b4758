using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Briefings.Bench;

/// <summary>
/// A fixed number of keep-alive connections asking for one URL as fast as it answers, for a fixed time (bench/run.sh
/// pages when Debian's wrk is not installed). Prints what bench/run.sh reads from wrk, in wrk's words: the requests
/// served, requests/s, the 50th and 99th percentile of the latency and the count of answers that were not 2xx or 3xx.
/// It runs in .NET, so it costs more CPU per request than wrk: compare requests/s only within one run; the app's own CPU
/// and allocation per request do not depend on it.
/// </summary>
public static class LoadBench
{
    public static async Task<int> RunAsync(string url, int connections, int seconds, string? header)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        using var http = new HttpMessageInvoker(handler);
        var uri = new Uri(url);
        (string Name, string Value)? extra = header is { Length: > 0 } h && h.IndexOf(':') is var colon and > 0
            ? (h[..colon].Trim(), h[(colon + 1)..].Trim())
            : null;

        var until = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        long bytes = 0, errors = 0;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            var latencies = new List<double>(4096);
            var buffer = new byte[64 * 1024];
            long ownBytes = 0, ownErrors = 0;
            while (Stopwatch.GetTimestamp() < until)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                if (extra is { } e)
                {
                    request.Headers.TryAddWithoutValidation(e.Name, e.Value);
                }

                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.SendAsync(request, CancellationToken.None);
                    await using var body = await response.Content.ReadAsStreamAsync();
                    int n;
                    while ((n = await body.ReadAsync(buffer)) > 0)
                    {
                        ownBytes += n;
                    }

                    if ((int)response.StatusCode is < 200 or >= 400)
                    {
                        ownErrors++;
                    }
                }
                catch (HttpRequestException)
                {
                    ownErrors++;
                }

                latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }

            Interlocked.Add(ref bytes, ownBytes);
            Interlocked.Add(ref errors, ownErrors);
            return latencies;
        }).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).ToArray();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Array.Sort(all);

        static string Ms(double ms) => ms.ToString("0.00", CultureInfo.InvariantCulture) + "ms";
        double At(double q) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)];
        Console.WriteLine($"Running {seconds}s test @ {url} (Briefings.Bench load, {connections} connections)");
        Console.WriteLine("  Latency Distribution");
        Console.WriteLine($"     50%    {Ms(At(0.50))}");
        Console.WriteLine($"     75%    {Ms(At(0.75))}");
        Console.WriteLine($"     90%    {Ms(At(0.90))}");
        Console.WriteLine($"     99%    {Ms(At(0.99))}");
        Console.WriteLine($"  {all.Length} requests in {elapsed.ToString("0.00", CultureInfo.InvariantCulture)}s, {(bytes / 1048576.0).ToString("0.00", CultureInfo.InvariantCulture)}MB read");
        if (errors > 0)
        {
            Console.WriteLine($"  Non-2xx or 3xx responses: {errors}");
        }

        Console.WriteLine($"Requests/sec: {(all.Length / elapsed).ToString("0.00", CultureInfo.InvariantCulture)}");
        return 0;
    }
}
