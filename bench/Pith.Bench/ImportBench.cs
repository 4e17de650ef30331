using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pith.Testing;

namespace Pith.Bench;

/// <summary>
/// <c>import</c>: <c>pith import</c> as a whole process over a generated corpus on disk (a nested folder tree of
/// records signed with a test key, reissued copies of some, and a few hundred bad files): a fresh import, then a
/// re-import of the same tree, then <c>pith verify</c> of the tree. Reports records/s end to end, the process's peak
/// memory, the index's bytes per record, each rate over the ceiling (libsodium verify alone on every core, measured
/// just before and just after each timed run), and issue 15's targets against them; with --peer, the Python peer's import of the same
/// tree in turn, and pith's ratio to it. The page cache is warm: every input (and, for the re-import, the index) is read
/// just before each timed run. On these machines DAMON reclaim pages out what has not been touched for about 30 s, so
/// "just written" is not enough: the publish step alone takes longer than that.
/// </summary>
public static class ImportBench
{
    public const string Name = "import";
    public const int DefaultRecords = 100_000;

    public static readonly string[] ValuedOptions = ["--records", "--reissued", "--bad", "--dir", "--jobs", "--pith", "--baseline", "--rounds", "--peer"];

    public static Report Run(BenchArguments arguments, TextWriter progress)
    {
        var count = arguments.Int("--records", DefaultRecords, minimum: 1);
        var reissued = arguments.Int("--reissued", Math.Max(1, count / 100), minimum: 0);
        var bad = arguments.Int("--bad", 300, minimum: 0);
        var jobs = arguments.Int("--jobs", Environment.ProcessorCount, minimum: 1);
        var root = arguments.String("--dir") ?? Path.Combine(Path.GetTempPath(), $"pith-import-bench-{Environment.ProcessId}");
        var keep = arguments.Flag("--keep");
        var sync = arguments.Flag("--sync");
        var report = new Report(Name);
        try
        {
            var key = new TestKey("pith-bench-2026");
            var corpusDir = Path.Combine(root, "corpus");
            var generation = Stopwatch.StartNew();
            var corpusBytes = WriteCorpus(key, corpusDir, count, reissued, bad, progress);
            generation.Stop();
            var keyFile = Path.Combine(root, "test-key.json");
            File.WriteAllText(keyFile, key.ToKeyFileJson());
            var inputs = count + reissued + bad;
            report.Fact("records", "corpus", count,
                $"{count:N0} records + {reissued:N0} reissued copies + {bad:N0} bad files = {inputs:N0} inputs, {Report.Megabytes(corpusBytes)} in a nested tree");
            report.Fact("generation_seconds", "generation (not timed)", Math.Round(generation.Elapsed.TotalSeconds, 1), $"{generation.Elapsed.TotalSeconds:F1} s");
            report.Fact("jobs", "pith import --jobs", jobs, jobs.ToString(CultureInfo.InvariantCulture));

            var pith = PublishedPith.Get(arguments, root, progress);
            var baseline = arguments.String("--baseline");
            var peer = arguments.String("--peer");
            var rounds = arguments.Int("--rounds", 1, minimum: 1);
            if (baseline is not null && Path.GetFullPath(baseline) == Path.GetFullPath(pith)) throw new BenchFailure("--baseline names the binary under test itself");
            if (peer is not null && !File.Exists(peer)) throw new BenchFailure($"--peer {peer}: no such file");
            report.Fact("binary", "binary", pith, pith);
            if (baseline is not null) report.Fact("baseline", "baseline", baseline, $"{baseline}: run in turn with the binary above, round by round, the order rotated every round");
            if (peer is not null)
            {
                report.Fact("peer", "peer", peer,
                    $"{PythonPeer.Interpreter} {peer} import CORPUS --keys KEY --db DB --workers {PythonPeer.Workers}: in turn with the binaries above, into a fresh index each round");
            }
            var binaries = baseline is null ? new[] { pith } : [pith, baseline];
            var results = binaries.ToDictionary(b => b, _ => new List<PithRound>());
            var peerRounds = new List<PeerRound>();
            // Every yardstick taken, once each: one taken between two runs is the after of one and the before of the next.
            var yardsticks = new List<double>();
            double Yardstick()
            {
                var microseconds = MachineSpeed.Ed25519Microseconds(key);
                yardsticks.Add(microseconds);
                return microseconds;
            }
            var dbBytes = 0L;
            var syncs = new List<(TimedProcess Sync, TimedProcess Import)>();

            void PithTurn(string binary, int round)
            {
                // Each its own index, so that --keep keeps pith's as index.db.
                var db = Path.Combine(root, binary == pith ? "index.db" : "index-baseline.db");
                foreach (var file in new[] { db, db + "-journal", db + "-wal" }) File.Delete(file);
                progress.WriteLine($"round {round + 1} of {rounds}: {binary}");
                WarmPageCache(progress, corpusDir);
                var beforeFresh = Yardstick();
                var fresh = RunImport(binary, db, keyFile, corpusDir, jobs, progress, "fresh import");
                Expect(fresh.Summary, "imported", count);
                Expect(fresh.Summary, "rejected", bad);
                var copies = fresh.Summary["updated"]!.GetValue<long>() + fresh.Summary["historical"]!.GetValue<long>();
                if (copies != reissued) throw new BenchFailure($"pith import kept {copies} reissued copies, expected {reissued}: {fresh.Summary.ToJsonString()}");
                if (binary == pith) dbBytes = new FileInfo(db).Length;
                WarmPageCache(progress, corpusDir, db);
                var beforeAgain = Yardstick();
                var again = RunImport(binary, db, keyFile, corpusDir, jobs, progress, "re-import");
                Expect(again.Summary, "unchanged", count + reissued);
                Expect(again.Summary, "rejected", bad);
                WarmPageCache(progress, corpusDir);
                var beforeVerify = Yardstick();
                var verify = RunVerify(binary, keyFile, corpusDir, count + reissued, bad, progress);
                var afterVerify = Yardstick();
                results[binary].Add(new PithRound(
                    new TimedRun(fresh.Process, beforeFresh, beforeAgain),
                    new TimedRun(again.Process, beforeAgain, beforeVerify),
                    new TimedRun(verify, beforeVerify, afterVerify)));
                if (sync && binary == pith)
                {
                    var synced = RunSync(pith, db, Path.Combine(root, "replica.db"), keyFile, jobs, progress);
                    Expect(synced.Summary, "imported", count);
                    Expect(synced.Summary, "rejected", 0);
                    syncs.Add((synced.Process, fresh.Process));
                }
            }

            void PeerTurn(string script, int round)
            {
                var db = Path.Combine(root, "index-peer.db");
                foreach (var file in new[] { db, db + "-journal", db + "-wal", db + "-shm" }) File.Delete(file);
                progress.WriteLine($"round {round + 1} of {rounds}: peer {script}");
                WarmPageCache(progress, corpusDir);
                var before = Yardstick();
                progress.WriteLine("peer's fresh import...");
                var (run, counts) = PythonPeer.Import(script, corpusDir, db, keyFile);
                var after = Yardstick();
                if (counts.Ok + counts.Bad != inputs || counts.New != count)
                    throw new BenchFailure($"the peer's import read {counts.Ok + counts.Bad:N0} of {inputs:N0} inputs and indexed {counts.New:N0} of {count:N0} records: {run.Stderr.Trim()}");
                peerRounds.Add(new PeerRound(new TimedRun(run, before, after), counts));
            }

            // One turn per contender each round, the order rotated by one place every round: over as many rounds as there
            // are contenders, each takes every place once: a run straight after another can be slower, and reversing the
            // order every other round left the middle one of three always in the middle.
            var turns = binaries.Select(binary => (Action<int>)(round => PithTurn(binary, round))).ToList();
            if (peer is not null) turns.Add(round => PeerTurn(peer, round));
            for (var round = 0; round < rounds; round++)
            {
                for (var place = 0; place < turns.Count; place++) turns[(round + place) % turns.Count](round);
            }

            var runs = results.Values.SelectMany(r => r).SelectMany(r => new[] { r.Fresh, r.Again, r.Verify }).Concat(peerRounds.Select(r => r.Import)).ToArray();
            var speeds = new Percentiles(yardsticks);
            report.Fact("ed25519_microseconds", "machine speed", Math.Round(speeds.Median, 1),
                $"Ed25519 verify (NSec) {speeds.Median:F1} µs per core, all cores busy, just before and just after each timed run (min {speeds.Min:F1}, max {speeds.Max:F1}; the host's speed varies: read the figures below against these)");
            var drift = new Percentiles(runs.Select(r => r.After / r.Before));
            report.Fact("ed25519_drift", "machine speed drift", Math.Round(drift.Median, 3),
                $"the yardstick after a timed run over the one before it: median {drift.Median:F2} (min {drift.Min:F2}, max {drift.Max:F2}); 1.00 is a steady host");
            var ceiling = new Percentiles(yardsticks.Select(MachineSpeed.CeilingPerSecond));
            report.Fact("ceiling_verifies_per_second", "ceiling", Math.Round(ceiling.Median, 0),
                $"{ceiling.Median:N0} Ed25519 verifies/s = {Environment.ProcessorCount} cores × 1e6 / the µs above (min {ceiling.Min:N0}, max {ceiling.Max:N0}); " +
                "each ratio to the ceiling below divides by the ceiling at the mean of the yardsticks just before and just after that run");

            foreach (var binary in binaries)
            {
                var prefix = binary == pith ? "" : "baseline_";
                var who = baseline is null && peer is null ? "" : binary == pith ? "pith: " : "baseline: ";
                foreach (var (part, label, pick) in Parts)
                    ReportRuns(report, prefix + part, who + label, inputs, [.. results[binary].Select(r => pick(r).Process)], "", "");
            }
            if (peerRounds.Count > 0)
            {
                var (ok, refused) = (peerRounds[0].Counts.Ok, peerRounds[0].Counts.Bad);
                ReportRuns(report, "peer_fresh", "peer: fresh import", inputs, [.. peerRounds.Select(r => r.Import.Process)],
                    $"; the {PythonPeer.Interpreter} process and its {PythonPeer.Workers} workers, each one's peak summed", $"; it accepted {ok:N0} and refused {refused:N0} of the inputs");
            }
            if (baseline is not null)
            {
                foreach (var (part, label, pick) in Parts)
                {
                    var speedRatio = new Percentiles(results[baseline].Zip(results[pith], (b, p) => pick(b).Process.Wall / pick(p).Process.Wall));
                    var memoryRatio = new Percentiles(results[baseline].Zip(results[pith], (b, p) => (double)pick(p).Process.PeakBytes / pick(b).Process.PeakBytes));
                    report.Derived($"{part}_speed_ratio", "pith / baseline: " + label, Math.Round(speedRatio.Median, 2),
                        $"{speedRatio.Median:F2}x the baseline's records/s (median of the round-by-round ratios; min {speedRatio.Min:F2}, max {speedRatio.Max:F2}); peak memory {memoryRatio.Median:F2}x the baseline's");
                }
            }
            Percentiles? overPeer = null;
            if (peerRounds.Count > 0)
            {
                overPeer = new Percentiles(peerRounds.Zip(results[pith], (q, p) => q.Import.Process.Wall / p.Fresh.Process.Wall));
                var memoryRatio = new Percentiles(peerRounds.Zip(results[pith], (q, p) => (double)p.Fresh.Process.PeakBytes / q.Import.Process.PeakBytes));
                report.Derived("fresh_peer_speed_ratio", "pith / peer: fresh import", Math.Round(overPeer.Median, 2),
                    $"{overPeer.Median:F2}x the peer's records/s (median of the round-by-round ratios; min {overPeer.Min:F2}, max {overPeer.Max:F2}); peak memory {memoryRatio.Median:F2}x the peer's");
                report.Derived("fresh_peer_speed_ratio_min", "", Math.Round(overPeer.Min, 3), "");
                report.Derived("fresh_peer_speed_ratio_max", "", Math.Round(overPeer.Max, 3), "");
            }

            var overCeiling = new Dictionary<string, Percentiles>();
            foreach (var binary in binaries)
            {
                var (prefix, who) = binary == pith ? ("", "pith") : ("baseline_", "baseline");
                foreach (var (part, label, pick) in Parts)
                {
                    var ratio = CeilingRatio(report, $"{prefix}{part}_ceiling_ratio", $"{who} / ceiling: {label}",
                        results[binary].Select(pick), inputs);
                    if (binary == pith) overCeiling[part] = ratio;
                }
            }
            if (peerRounds.Count > 0)
                CeilingRatio(report, "peer_fresh_ceiling_ratio", "peer / ceiling: fresh import", peerRounds.Select(r => r.Import), inputs);
            if (syncs.Count > 0)
            {
                var documents = count + reissued;
                var rate = new Percentiles(syncs.Select(r => documents / r.Sync.Wall.TotalSeconds));
                var ratio = new Percentiles(syncs.Select(r => (documents / r.Sync.Wall.TotalSeconds) / (count + reissued + bad) * r.Import.Wall.TotalSeconds));
                report.Derived("sync_records_per_second", "pith sync", Math.Round(rate.Median, 0),
                    $"{rate.Median:N0} documents/s end to end from a pith serve of that index into an empty one (median of {syncs.Count}; min {rate.Min:N0}, " +
                    $"max {rate.Max:N0}; {documents:N0} documents, the server on the same cores); {ratio.Median:F2}x the fresh import's inputs/s in the same round");
            }
            report.Derived("index_bytes_per_record", "index size", dbBytes / count,
                $"{Report.Megabytes(dbBytes)}, {dbBytes / count:N0} bytes per record (the original bytes of each record are kept)");
            ImportTargets.Add(report, count, overPeer, overCeiling["fresh"], overCeiling["reimport"], overCeiling["verify"],
                results[pith].Max(r => r.Fresh.Process.PeakBytes));
            return report;
        }
        finally
        {
            if (!keep) TryDelete(root);
            else progress.WriteLine($"kept {root}");
        }
    }

    /// <summary>
    /// One timed whole process and the yardstick (µs per verify per core) just before and just after it: the host's speed
    /// moves within seconds, so the ceiling a run is read against is the mean of the two, not one taken runs earlier.
    /// </summary>
    private sealed record TimedRun(TimedProcess Process, double Before, double After)
    {
        public double Ceiling => MachineSpeed.CeilingPerSecond((Before + After) / 2);
    }

    /// <summary>What one round measured of one pith.</summary>
    private sealed record PithRound(TimedRun Fresh, TimedRun Again, TimedRun Verify);

    /// <summary>What one round measured of the peer.</summary>
    private sealed record PeerRound(TimedRun Import, PythonPeer.ImportCounts Counts);

    /// <summary>The whole processes each round runs of each pith: JSON key part, label, and which run of the round.</summary>
    private static readonly (string Part, string Label, Func<PithRound, TimedRun> Pick)[] Parts =
    [
        ("fresh", "fresh import", r => r.Fresh),
        ("reimport", "re-import", r => r.Again),
        ("verify", "verify FOLDER", r => r.Verify),
    ];

    /// <summary>Records/s end to end and peak memory over the rounds' runs: one line, and KEY_records_per_second, KEY_peak_bytes, KEY_seconds.</summary>
    private static void ReportRuns(Report report, string key, string label, int inputs, TimedProcess[] runs, string peakNote, string countsNote)
    {
        var rate = new Percentiles(runs.Select(r => inputs / r.Wall.TotalSeconds));
        var peak = new Percentiles(runs.Select(r => (double)r.PeakBytes));
        report.Derived($"{key}_records_per_second", label, Math.Round(rate.Median, 0),
            $"{rate.Median:N0} records/s end to end (median of {runs.Length}; min {rate.Min:N0}, max {rate.Max:N0}; {inputs:N0} inputs, process start included), " +
            $"peak memory {Report.Megabytes((long)peak.Median)} (max {Report.Megabytes((long)peak.Max)}{peakNote}){countsNote}");
        report.Derived($"{key}_peak_bytes", "", (long)peak.Median, "");
        report.Derived($"{key}_seconds", "", Math.Round(inputs / rate.Median, 3), "");
    }

    /// <summary>
    /// Records/s over the ceiling, round by round, each run against the yardsticks just before and after it: one line,
    /// and KEY (the median), KEY_min, KEY_max.
    /// </summary>
    private static Percentiles CeilingRatio(Report report, string key, string label, IEnumerable<TimedRun> runs, int inputs)
    {
        var ratio = new Percentiles(runs.Select(r => inputs / r.Process.Wall.TotalSeconds / r.Ceiling));
        report.Derived(key, label, Math.Round(ratio.Median, 3),
            $"{ratio.Median:F2} of the ceiling's verifies/s (median of the round-by-round ratios; min {ratio.Min:F2}, max {ratio.Max:F2})");
        report.Derived(key + "_min", "", Math.Round(ratio.Min, 3), "");
        report.Derived(key + "_max", "", Math.Round(ratio.Max, 3), "");
        return ratio;
    }

    private static void Expect(JsonObject summary, string field, long expected)
    {
        var actual = summary[field]?.GetValue<long>();
        if (actual != expected)
            throw new BenchFailure($"pith import reported {field} = {actual}, expected {expected}: {summary.ToJsonString()}");
    }

    /// <summary>Writes the corpus in chunks (bounded memory at any size) and returns its total bytes.</summary>
    private static long WriteCorpus(TestKey key, string dir, int count, int reissued, int bad, TextWriter progress)
    {
        var generator = new CorpusGenerator(key);
        var sources = generator.DistinctSources(count);
        long total = 0;
        const int chunk = 10_000;
        for (var start = 0; start < count; start += chunk)
        {
            var end = Math.Min(count, start + chunk);
            progress.Write($"\rwriting records {end:N0} / {count:N0}");
            var sizes = new long[end - start];
            Parallel.For(start, end, i =>
            {
                var record = generator.CreateRecord(i, sources[i]);
                var bytes = CorpusGenerator.Serialize(record);
                var path = FileFor(dir, i, record["pith_number"]!.GetValue<string>()[^26..], "");
                File.WriteAllBytes(path, bytes);
                // A reissue: the same canonical record (so the same signature), newer updated_at and display data.
                if (i < reissued)
                {
                    record["updated_at"] = "2026-09-01T12:00:00.000000+00:00";
                    record["inbound_citations"]!["count"] = 1_000 + i;
                    var again = CorpusGenerator.Serialize(record);
                    File.WriteAllBytes(FileFor(dir, i, record["pith_number"]!.GetValue<string>()[^26..], "-reissued"), again);
                    bytes = [.. bytes, .. again];
                }
                sizes[i - start] = bytes.Length;
            });
            total += sizes.Sum();
        }
        progress.WriteLine();
        var badDir = Path.Combine(dir, "downloads-gone-wrong");
        Directory.CreateDirectory(badDir);
        var sample = CorpusGenerator.Serialize(generator.CreateRecord(0, sources[0]));
        for (var i = 0; i < bad; i++)
        {
            byte[] bytes = (i % 3) switch
            {
                0 => Encoding.UTF8.GetBytes($"<!DOCTYPE html><html><body>Error {i}: the paper site timed out</body></html>"),
                1 => sample[..(sample.Length / 2 + i)],
                _ => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(sample).Replace("\"title\":\"", $"\"title\":\"tampered {i} ", StringComparison.Ordinal)),
            };
            File.WriteAllBytes(Path.Combine(badDir, $"bad-{i:00000}.json"), bytes);
            total += bytes.Length;
        }
        return total;
    }

    // A nested tree like a mirror's: 2 levels of folders, about 50 files in each.
    private static string FileFor(string dir, int index, string code, string suffix)
    {
        var folder = Path.Combine(dir, $"a{index % 40:00}", $"b{index / 40 % 50:00}");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, code + suffix + ".json");
    }

    /// <summary>
    /// Writes back what is still dirty in the page cache (the corpus just written, the index just built), so that the
    /// timed run's commits do not queue behind it, then reads every file under the given files and folders once, so
    /// that the timed run finds them in the cache.
    /// </summary>
    private static TimeSpan WarmPageCache(TextWriter progress, params string[] paths)
    {
        progress.WriteLine("writing back and warming the page cache...");
        var clock = Stopwatch.StartNew();
        if (OperatingSystem.IsLinux()) Sync();
        var files = paths.SelectMany(path => Directory.Exists(path) ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories) : [path]);
        Parallel.ForEach(files, () => new byte[1 << 20], (file, _, buffer) =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            while (stream.Read(buffer, 0, buffer.Length) > 0)
            {
            }
            return buffer;
        }, _ => { });
        return clock.Elapsed;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "sync")]
    private static extern void Sync();

    private sealed record ImportRun(TimedProcess Process, JsonObject Summary);

    private static ImportRun RunImport(string pith, string db, string keyFile, string corpus, int jobs, TextWriter progress, string what) =>
        RunPith(pith, ["import", "--db", db, "--keys", keyFile, "--jobs", jobs.ToString(CultureInfo.InvariantCulture), "--quiet", "--json", corpus], progress, what);

    // pith sync from a pith serve of the index just imported, into an empty replica: the same documents over HTTP.
    private static ImportRun RunSync(string pith, string db, string replica, string keyFile, int jobs, TextWriter progress)
    {
        foreach (var file in new[] { replica, replica + "-journal" }) File.Delete(file);
        using var server = ServeBench.Start(pith, db, progress);
        return RunPith(pith, ["sync", "--db", replica, "--keys", keyFile, "--jobs", jobs.ToString(CultureInfo.InvariantCulture), "--quiet", "--json", server.Url],
            progress, "sync from pith serve");
    }

    private static ImportRun RunPith(string pith, string[] args, TextWriter progress, string what)
    {
        progress.WriteLine($"{what}...");
        var run = TimedProcess.Run(pith, args);
        if (run.ExitCode is not (0 or 1))
            throw new BenchFailure($"pith {args[0]} exited {run.ExitCode}: {run.Stderr.Trim()}");
        return new ImportRun(run, JsonNode.Parse(run.Stdout)!.AsObject());
    }

    /// <summary>
    /// <c>pith verify --keys KEY FOLDER</c>, one verdict line per input: every good record OK, every bad file FAIL, and
    /// exit status 1 when any input is invalid (the corpus's bad files are parse failures and a tampered title, not
    /// unreadable files, which would make it 2).
    /// </summary>
    private static TimedProcess RunVerify(string pith, string keyFile, string corpus, int valid, int invalid, TextWriter progress)
    {
        progress.WriteLine("pith verify...");
        var run = TimedProcess.Run(pith, ["verify", "--keys", keyFile, corpus]);
        var lines = run.Stdout.Split('\n');
        var ok = lines.Count(l => l.StartsWith("OK ", StringComparison.Ordinal));
        var failed = lines.Count(l => l.StartsWith("FAIL ", StringComparison.Ordinal));
        var status = invalid > 0 ? 1 : 0;
        if (run.ExitCode != status || ok != valid || failed != invalid)
            throw new BenchFailure($"pith verify exited {run.ExitCode} with {ok} OK and {failed} FAIL lines, expected {status}, {valid} and {invalid}: {run.Stderr.Trim()}");
        return run;
    }

    private static void TryDelete(string root)
    {
        try
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder.
        }
    }
}
