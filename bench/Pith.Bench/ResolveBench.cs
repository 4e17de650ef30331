using System.Diagnostics;
using Pith.Index.Query;
using Pith.Testing;

namespace Pith.Bench;

/// <summary>
/// <c>resolve</c>: alias look-ups on a large index (default 1,000,000 generated records, a <see cref="BenchIndex"/> kept
/// in <c>--dir</c> for the next run). Reports the in-process latency of <see cref="AliasResolver.Resolve"/>
/// over a mix of alias forms (median, p99), and the wall time of a whole <c>pith resolve</c> process of the
/// published native binary (median over <c>--runs</c>), beside <c>pith --version</c> as the start-up floor.
/// </summary>
public static class ResolveBench
{
    public const string Name = "resolve";
    public const int DefaultRecords = 1_000_000;
    private const int Sampled = 2_000;

    public static readonly string[] ValuedOptions = ["--records", "--dir", "--runs", "--passes", "--pith", "--baseline", "--peer"];

    public static Report Run(BenchArguments arguments, TextWriter progress)
    {
        var count = arguments.Int("--records", DefaultRecords, minimum: 1);
        var runs = arguments.Int("--runs", 30, minimum: 1);
        var passes = arguments.Int("--passes", 5, minimum: 1);
        var dir = arguments.String("--dir") ?? Path.Combine(Path.GetTempPath(), "pith-resolve-bench");
        var report = new Report(Name);
        var (db, generator, sources, key) = BenchIndex.Ensure(count, dir, report, progress);

        var queries = Queries(generator, sources, progress);
        report.Fact("queries", "alias forms", queries.Length,
            $"{queries.Length:N0} queries: {Sampled:N0} records sampled across the index, each as {queries.Length / Sampled} forms (page cache warm)");

        InProcess(db, queries, passes, report, progress);
        var pith = PublishedPith.Get(arguments, dir, progress);
        WholeProcess(pith, db, queries, runs, report, progress);
        var baseline = arguments.String("--baseline");
        var peer = arguments.String("--peer");
        if (baseline is not null || peer is not null)
        {
            var peerDb = peer is null ? null : EnsurePeerIndex(peer, dir, generator, sources, key, progress);
            Compared(pith, baseline, peer, db, peerDb, queries, runs, report, progress);
        }
        return report;
    }

    /// <summary>A command a comparison times: what it is called in the report, and how it resolves a Pith number.</summary>
    private sealed record Contender(string Key, string Label, string File, Func<string, string[]> Args);

    /// <summary>
    /// Whole processes of pith, the baseline pith and the Python peer, in turn (run by run through every order of them,
    /// so that none always goes first or always follows another), each resolving the same full Pith number: a form all
    /// three take and answer with exactly that number.
    /// </summary>
    private static void Compared(string pith, string? baseline, string? peer, string db, string? peerDb, Query[] queries, int runs, Report report, TextWriter progress)
    {
        var contenders = new List<Contender> { new("pith", pith, pith, n => ["resolve", "--db", db, n]) };
        if (baseline is not null) contenders.Add(new("baseline", baseline, baseline, n => ["resolve", "--db", db, n]));
        if (peer is not null) contenders.Add(new("peer", $"{PythonPeer.Interpreter} {peer}", PythonPeer.Interpreter, n => [peer, "resolve", n, "--db", peerDb!]));
        progress.WriteLine($"resolving a Pith number in whole processes, {runs} runs of each of {string.Join(", ", contenders.Select(c => c.Key))} in turn...");
        var numbers = queries.Where(q => q.Kind == "pith_number").Select(q => q.Form).ToArray();
        var times = contenders.Select(_ => new double[runs]).ToArray();
        var orders = Orders(contenders.Count);
        for (var i = 0; i < runs; i++)
        {
            var number = numbers[i * 7919 % numbers.Length];
            foreach (var c in orders[i % orders.Length]) times[c][i] = TimeOne(contenders[c].File, contenders[c].Args(number), number);
        }
        for (var c = 0; c < contenders.Count; c++)
        {
            var own = new Percentiles(times[c]);
            report.Derived($"compared_{contenders[c].Key}_median_ms", $"{contenders[c].Key}: resolve PITH_NUMBER", Math.Round(own.Median, 1),
                $"median {own.Median:F1} ms, p90 {own.P90:F1} (min {own.Min:F1}, max {own.Max:F1}) over {runs} runs: {contenders[c].Label}");
            report.Derived($"compared_{contenders[c].Key}_p90_ms", "", Math.Round(own.P90, 1), "");
            if (c == 0) continue;
            var ratio = new Percentiles(times[0].Zip(times[c], (a, b) => a / b));
            report.Derived($"compared_pith_time_over_{contenders[c].Key}", $"  pith's time / {contenders[c].Key}'s", Math.Round(ratio.Median, 3),
                $"{ratio.Median:F3} (below 1: pith is faster; median of the run-by-run ratios; min {ratio.Min:F3}, max {ratio.Max:F3})");
        }
    }

    /// <summary>Every order of <paramref name="count"/> items (count! of them).</summary>
    private static int[][] Orders(int count) =>
        count == 1 ? [[0]] : [.. Orders(count - 1).SelectMany(order => Enumerable.Range(0, count).Select(at => (int[])[.. order[..at], count - 1, .. order[at..]]))];

    /// <summary>
    /// The peer's own index of the same records, built once by its own import (every signature verified, 2 workers)
    /// over the records written as files, and kept in <paramref name="dir"/>.
    /// </summary>
    private static string EnsurePeerIndex(string script, string dir, CorpusGenerator generator, PaperSource[] sources, TestKey key, TextWriter progress)
    {
        var db = Path.Combine(dir, $"peer-{sources.Length}.db");
        var done = db + ".complete";
        if (File.Exists(done) && File.Exists(db)) return db;
        var corpus = Path.Combine(dir, $"peer-corpus-{sources.Length}");
        if (Directory.Exists(corpus)) Directory.Delete(corpus, recursive: true);
        foreach (var file in new[] { db, db + "-wal", db + "-shm", db + "-journal" }) File.Delete(file);
        progress.WriteLine($"writing {sources.Length:N0} records for the peer's index...");
        Parallel.For(0, sources.Length, i =>
        {
            var folder = Path.Combine(corpus, $"f{i / 1000:D4}");
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, $"{i:D7}.json"), CorpusGenerator.Serialize(generator.CreateRecord(i, sources[i])));
        });
        File.WriteAllText(Path.Combine(corpus, "keys.json"), key.ToKeyFileJson());
        progress.WriteLine($"building the peer's index with its own import ({PythonPeer.Workers} workers)...");
        var (run, counts) = PythonPeer.Import(script, corpus, db, keys: null);
        if (counts.Bad != 0 || counts.New != sources.Length) throw new BenchFailure($"the peer's import indexed {counts.New:N0} of {sources.Length:N0} records: {run.Stderr.Trim()}");
        progress.WriteLine(run.Stderr.Trim());
        Directory.Delete(corpus, recursive: true);
        File.WriteAllText(done, "");
        return db;
    }

    /// <summary>A query, and the Pith number it must find (an 8-character code may find others beside it).</summary>
    private sealed record Query(string Form, string Kind, string Expected);

    /// <summary>
    /// Records spread evenly over the index, each in the forms people paste: full Pith number, 26/16/12/8-character
    /// codes, pith:CODE, the arXiv id with and without version, an abs link, the DOI. Unversioned forms must find the
    /// paper's newest version; the generator is deterministic, so the expected numbers are generated again, not stored.
    /// </summary>
    private static Query[] Queries(CorpusGenerator generator, PaperSource[] sources, TextWriter progress)
    {
        progress.WriteLine("choosing the queries...");
        var newest = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Length; i++)
        {
            if (!newest.TryGetValue(sources[i].Id, out var j) || sources[j].Version < sources[i].Version) newest[sources[i].Id] = i;
        }
        var step = Math.Max(1, sources.Length / Sampled);
        var sample = Enumerable.Range(0, Math.Min(Sampled, sources.Length)).Select(k => k * step).ToArray();
        var numbers = new Dictionary<int, string>();
        foreach (var i in sample.Concat(sample.Select(i => newest[sources[i].Id])).Distinct())
            numbers[i] = generator.CreateRecord(i, sources[i])["pith_number"]!.GetValue<string>();
        return [.. sample.SelectMany(i =>
        {
            var (id, version, number) = (sources[i].Id, sources[i].Version, numbers[i]);
            var paper = numbers[newest[id]];
            var code = number[^26..];
            return new Query[]
            {
                new(number, "pith_number", number),
                new(code.ToLowerInvariant(), "code_26", number),
                new(code[..16], "code_16", number),
                new(code[..12], "code_12", number),
                new(code[..8], "code_8", number),
                new("pith:" + code[..8], "pith_short", number),
                new($"arXiv:{id}v{version}", "arxiv_version", number),
                new(id, "arxiv", paper),
                new($"https://arxiv.org/abs/{id}", "arxiv_link", paper),
                new($"https://doi.org/10.48550/arXiv.{id}", "doi", paper),
            };
        })];
    }

    private static void InProcess(string db, Query[] queries, int passes, Report report, TextWriter progress)
    {
        progress.WriteLine($"resolving {queries.Length:N0} aliases {passes} times in process...");
        using var index = IndexReader.Open(db);
        using var resolver = new AliasResolver(index);
        foreach (var query in queries) Check(query, resolver.Resolve(query.Form));
        var times = new double[queries.Length * passes];
        var kinds = new string[times.Length];
        var cpu = Environment.CpuUsage.TotalTime;
        var busy = MachineLoad.BusyTime();
        var wall = Stopwatch.StartNew();
        for (var pass = 0; pass < passes; pass++)
        {
            for (var q = 0; q < queries.Length; q++)
            {
                var start = Stopwatch.GetTimestamp();
                var resolution = resolver.Resolve(queries[q].Form);
                times[pass * queries.Length + q] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                kinds[pass * queries.Length + q] = queries[q].Kind;
                if (resolution.Matches.Count == 0) throw new BenchFailure($"'{queries[q].Form}' stopped resolving");
            }
        }
        wall.Stop();
        var others = MachineLoad.BusyTime() - busy - (Environment.CpuUsage.TotalTime - cpu);
        var all = new Percentiles(times);
        report.Derived("in_process_median_ms", "in process: Resolve, median", Math.Round(all.Median, 4),
            $"{all.Median:F4} ms (p90 {all.P90:F4}, p99 {all.P99:F4}, max {all.Max:F3}) over {all.Count:N0} look-ups, one thread" +
            (others is { } o ? $"; other processes used {o / wall.Elapsed:F2} cores meanwhile" : ""));
        report.Derived("in_process_p99_ms", "", Math.Round(all.P99, 4), "");
        foreach (var kind in queries.Select(q => q.Kind).Distinct())
        {
            var own = new Percentiles(times.Where((_, i) => kinds[i] == kind));
            report.Derived($"in_process_{kind}_median_ms", $"  {kind}", Math.Round(own.Median, 4),
                $"median {own.Median:F4} ms, p99 {own.P99:F4} ms  e.g. {queries.First(q => q.Kind == kind).Form}");
        }
    }

    private static void Check(Query query, Resolution resolution)
    {
        var ok = resolution.Status == ResolutionStatus.Resolved
            ? resolution.Matches.Count == 1 && resolution.Matches[0].PithNumber == query.Expected
            : resolution.Status == ResolutionStatus.Ambiguous && query.Kind is "code_8" or "pith_short" && resolution.Matches.Any(m => m.PithNumber == query.Expected);
        if (!ok)
            throw new BenchFailure($"'{query.Form}' resolved {resolution.Status} to [{string.Join(", ", resolution.Matches.Select(m => m.PithNumber))}], expected {query.Expected}");
    }

    private static void WholeProcess(string pith, string db, Query[] queries, int runs, Report report, TextWriter progress)
    {
        progress.WriteLine($"running {pith} resolve {runs} times (and --version as many)...");
        // The forms that resolve to one record whatever the index holds (an 8-character code may be shared).
        var forms = queries.Where(q => q.Kind is not ("code_8" or "pith_short")).ToArray();
        var version = new Percentiles(Time(pith, runs, _ => ["--version"]));
        var busy = MachineLoad.BusyTime();
        var wall = Stopwatch.StartNew();
        var resolve = new Percentiles(Time(pith, runs, i => ["resolve", "--db", db, forms[i * 7919 % forms.Length].Form], i => forms[i * 7919 % forms.Length].Expected));
        var machine = MachineLoad.BusyTime() - busy;
        report.Derived("process_median_ms", "whole pith resolve ALIAS, median", Math.Round(resolve.Median, 1),
            $"{resolve.Median:F1} ms wall (min {resolve.Min:F1}, p90 {resolve.P90:F1}, max {resolve.Max:F1}) over {runs} runs, one alias each, process start to exit" +
            (machine is { } m ? $"; the machine was {m / wall.Elapsed:F2} of {Environment.ProcessorCount} cores busy meanwhile (these runs included)" : ""));
        report.Derived("process_version_median_ms", "pith --version, median", Math.Round(version.Median, 1),
            $"{version.Median:F1} ms wall (min {version.Min:F1}): the runtime and the command line, no index");
        report.Derived("pith_binary", "binary", pith, pith);
    }

    /// <summary>Wall times (ms) of <paramref name="runs"/> processes; each must exit 0 and print what is expected (when given).</summary>
    private static double[] Time(string pith, int runs, Func<int, string[]> args, Func<int, string>? expected = null)
    {
        var times = new double[runs];
        for (var i = 0; i < runs; i++) times[i] = TimeOne(pith, args(i), expected?.Invoke(i));
        return times;
    }

    /// <summary>The wall time (ms) of one process, which must exit 0 and print <paramref name="expected"/> (when given).</summary>
    private static double TimeOne(string file, string[] args, string? expected)
    {
        var run = TimedProcess.Brief(file, args);
        if (run.ExitCode != 0 || (expected is not null && run.Stdout.Trim() != expected))
            throw new BenchFailure($"{file} {string.Join(' ', args)} exited {run.ExitCode}: {run.Stdout.Trim()} {run.Stderr.Trim()}");
        return run.Wall.TotalMilliseconds;
    }
}
