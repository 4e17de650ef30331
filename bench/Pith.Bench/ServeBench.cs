using System.Diagnostics;
using System.Net;

namespace Pith.Bench;

/// <summary>
/// <c>serve</c>: a real <c>pith serve</c> (the published native binary) on an index of N generated records (default
/// 100,000; a <see cref="BenchIndex"/> kept in <c>--dir</c>), loaded over loopback by
/// C concurrent clients (default 16), each sending its next request as soon as the last is answered, for S seconds per
/// route after a warm-up: fetching a record (<c>GET /pith/CODE.json</c>) and resolving an arXiv id
/// (<c>GET /api/pith-number/resolve?arxiv=ID</c>). Reports requests/s and the p50/p99 latency each client saw. The
/// clients run on the same machine as the server and take CPU from it: the figures are a floor for the server alone. With
/// <c>--baseline FILE</c>, that pith too, in turn on the same index, round by round (<c>--rounds</c>), alternating which goes
/// first: two binaries compared under the same load from other work.
/// </summary>
public static class ServeBench
{
    public const string Name = "serve";
    public const int DefaultRecords = 100_000;
    private const int Sampled = 2_000;

    public static readonly string[] ValuedOptions = ["--records", "--dir", "--clients", "--seconds", "--pith", "--baseline", "--rounds"];

    public static Report Run(BenchArguments arguments, TextWriter progress)
    {
        var count = arguments.Int("--records", DefaultRecords, minimum: 1);
        var clients = arguments.Int("--clients", 16, minimum: 1);
        var seconds = arguments.Double("--seconds", 10, minimum: 0.1);
        var dir = arguments.String("--dir") ?? Path.Combine(Path.GetTempPath(), "pith-serve-bench");
        var report = new Report(Name);
        var (db, generator, sources, _) = BenchIndex.Ensure(count, dir, report, progress);
        report.Fact("clients", "clients", clients, $"{clients} concurrent, over loopback on this machine, {seconds:F0} s per route after 1 s of warm-up");

        var step = Math.Max(1, sources.Length / Sampled);
        var sample = Enumerable.Range(0, Math.Min(Sampled, sources.Length)).Select(k => k * step).ToArray();
        var codes = sample.Select(i => generator.CreateRecord(i, sources[i])["pith_number"]!.GetValue<string>()[^26..]).ToArray();
        var ids = sample.Select(i => Uri.EscapeDataString(sources[i].Id)).ToArray();

        var pith = PublishedPith.Get(arguments, dir, progress);
        var baseline = arguments.String("--baseline");
        var rounds = arguments.Int("--rounds", 1, minimum: 1);
        if (baseline is not null && Path.GetFullPath(baseline) == Path.GetFullPath(pith)) throw new BenchFailure("--baseline names the binary under test itself");
        var binaries = baseline is null ? new[] { pith } : [pith, baseline];
        var routes = new (string Key, string Label, string Route, Func<int, string> Path)[]
        {
            ("record", "fetch a record", "GET /pith/CODE.json", i => $"/pith/{codes[i % codes.Length]}.json"),
            ("resolve", "resolve an arXiv id", "GET /api/pith-number/resolve?arxiv=ID", i => $"/api/pith-number/resolve?arxiv={ids[i % ids.Length]}"),
        };
        var runs = binaries.ToDictionary(b => b, _ => routes.ToDictionary(r => r.Key, _ => new List<RouteRun>()));
        for (var round = 0; round < rounds; round++)
        {
            foreach (var binary in round % 2 == 0 ? binaries : binaries.Reverse())
            {
                progress.WriteLine($"round {round + 1} of {rounds}: {binary}");
                using var server = Start(binary, db, progress);
                using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseProxy = false }) { BaseAddress = new Uri(server.Url) };
                foreach (var (key, _, route, path) in routes) runs[binary][key].Add(Load(route, http, clients, seconds, path, progress));
            }
        }
        foreach (var binary in binaries)
        {
            var prefix = binary == pith ? "" : "baseline_";
            var who = baseline is null ? "" : binary == pith ? "pith: " : "baseline: ";
            foreach (var (key, label, route, _) in routes)
            {
                var all = runs[binary][key];
                var rate = new Percentiles(all.Select(r => r.Rate));
                var p99 = new Percentiles(all.Select(r => r.P99));
                report.Derived($"{prefix}{key}_per_second", who + label, Math.Round(rate.Median),
                    $"{rate.Median:N0} requests/s ({route}); p99 {p99.Median:F2} ms (medians of {all.Count} runs: " +
                    string.Join("; ", all.Select(r => r.Text)) + ")");
                report.Derived($"{prefix}{key}_p50_ms", "", Math.Round(new Percentiles(all.Select(r => r.P50)).Median, 3), "");
                report.Derived($"{prefix}{key}_p99_ms", "", Math.Round(p99.Median, 3), "");
            }
        }
        if (baseline is not null)
        {
            foreach (var (key, label, _, _) in routes)
            {
                var ratio = new Percentiles(runs[baseline][key].Zip(runs[pith][key], (b, p) => p.Rate / b.Rate));
                report.Derived($"{key}_speed_ratio", "pith / baseline: " + label, Math.Round(ratio.Median, 2),
                    $"{ratio.Median:F2}x the baseline's requests/s (median of the round-by-round ratios; min {ratio.Min:F2}, max {ratio.Max:F2})");
            }
        }
        report.Derived("pith_binary", "binary", pith, pith);
        if (baseline is not null) report.Derived("baseline_binary", "baseline", baseline, $"{baseline}: run in turn with the binary above, round by round, alternating which goes first");
        return report;
    }

    // One route's load on one server: requests/s, latencies in ms, and the run in words.
    private sealed record RouteRun(double Rate, double P50, double P99, string Text);

    private static RouteRun Load(string route, HttpClient http, int clients, double seconds, Func<int, string> path, TextWriter progress)
    {
        progress.WriteLine($"{route}: {clients} clients, 1 s warm-up then {seconds:F0} s...");
        Drive(http, clients, TimeSpan.FromSeconds(1), path);
        var busy = MachineLoad.BusyTime();
        var wall = Stopwatch.StartNew();
        var times = Drive(http, clients, TimeSpan.FromSeconds(seconds), path);
        wall.Stop();
        var machine = MachineLoad.BusyTime() - busy;
        var all = new Percentiles(times);
        var rate = times.Count / wall.Elapsed.TotalSeconds;
        return new RouteRun(rate, all.Median, all.P99,
            $"{rate:N0}/s, p50 {all.Median:F2} ms, p99 {all.P99:F2} ms, max {all.Max:F1} ms over {times.Count:N0} requests" +
            (machine is { } m ? $", machine {m / wall.Elapsed:F2} of {Environment.ProcessorCount} cores busy" : ""));
    }

    /// <summary>Every client sends requests back to back until <paramref name="duration"/> is up; each must be 200. The latencies, in ms.</summary>
    private static List<double> Drive(HttpClient http, int clients, TimeSpan duration, Func<int, string> path)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perClient = Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var times = new List<double>();
            for (var i = client * 7919; Stopwatch.GetTimestamp() < end; i++)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path(i), HttpCompletionOption.ResponseContentRead);
                if (response.StatusCode != HttpStatusCode.OK) throw new BenchFailure($"{path(i)}: HTTP {(int)response.StatusCode}");
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            return times;
        })).ToArray();
        return [.. Task.WhenAll(perClient).GetAwaiter().GetResult().SelectMany(t => t)];
    }

    /// <summary>A running <c>pith serve</c> on a free loopback port, and the URL it printed.</summary>
    internal sealed class Server(Process process, string url) : IDisposable
    {
        public string Url => url;

        public void Dispose()
        {
            if (!process.HasExited) process.Kill();
            process.WaitForExit();
            process.Dispose();
        }
    }

    internal static Server Start(string pith, string db, TextWriter progress)
    {
        const string listening = "pith serve: listening on ";
        var start = new ProcessStartInfo(pith) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "serve", "--db", db, "--listen", "127.0.0.1:0" }) start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new BenchFailure("could not start " + pith);
        // Its first line says where it listens (or why it cannot).
        var line = process.StandardError.ReadLine() ?? "";
        if (!line.StartsWith(listening, StringComparison.Ordinal))
        {
            process.Kill();
            throw new BenchFailure($"pith serve did not start: {line}");
        }
        // Keep draining stderr so a complaint can never block the server.
        _ = process.StandardError.ReadToEndAsync();
        var url = line[listening.Length..].Split(' ')[0];
        progress.WriteLine($"pith serve listening on {url}");
        return new Server(process, url);
    }
}
