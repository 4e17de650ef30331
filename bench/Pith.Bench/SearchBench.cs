using System.Diagnostics;
using System.Globalization;
using Pith.Index;
using Pith.Index.Search;

namespace Pith.Bench;

/// <summary>
/// <c>search</c>: <see cref="TitleSearch"/> latency in process on an existing index (built beforehand, e.g. by the
/// import bench with --keep): queries made of one, two or three words of titles sampled from the index, and some
/// words no title holds; each query timed alone after a warm-up pass, repeated for at least the minimum time.
/// Reports the median, p90, p99 and maximum per query, overall and by number of words. With <c>--hits FILE</c>, writes
/// each query and the Pith numbers and scores it found, in rank order, to FILE: two builds' files are the same exactly
/// when they rank alike. With <c>--pith FILE</c> (and <c>--baseline FILE</c>), also each query as a whole
/// <c>pith search --json</c> process of each binary in turn (the order swapped every query): latency and, with a
/// baseline, the query-by-query ratio, and whether both printed the same hits.
/// </summary>
public static class SearchBench
{
    public const string Name = "search";
    public const int DefaultQueries = 300;
    public const double DefaultSeconds = 3;

    public static readonly string[] ValuedOptions = ["--db", "--queries", "--limit", "--seconds", "--hits", "--pith", "--baseline"];

    public static Report Run(BenchArguments arguments, TextWriter progress)
    {
        var path = arguments.String("--db") ?? throw new BenchFailure("search needs --db INDEX (an index built beforehand, e.g. by 'import --keep')", BenchFailure.Usage);
        var count = arguments.Int("--queries", DefaultQueries, minimum: 1);
        var limit = arguments.Int("--limit", 20, minimum: 1);
        var minimum = TimeSpan.FromSeconds(arguments.Double("--seconds", DefaultSeconds, minimum: 0));
        var hitsFile = arguments.String("--hits");
        var report = new Report(Name);
        IndexDatabase database;
        try
        {
            // As pith search opens it: read-only, no whole-file check.
            database = IndexDatabase.OpenReadOnly(path);
        }
        catch (IndexUnavailableException e)
        {
            throw new BenchFailure(e.Message, BenchFailure.Usage);
        }
        using (database)
        using (var search = new TitleSearch(database))
        {
            var records = database.Scalar<long>("SELECT count(*) FROM records");
            var queries = Queries(database, count);
            report.Fact("index", "index", path, $"{path}: {records:N0} records, {Report.Megabytes(new FileInfo(path).Length)}");
            report.Fact("queries", "queries", queries.Count,
                $"{queries.Count:N0}: 1 to 3 words of sampled titles, 1 in 10 a word no title holds; --limit {limit}");

            progress.WriteLine("warm-up pass...");
            var found = queries.Select(q => search.Search(q.Text, limit)).ToArray();
            var hits = found.Select(f => f.Count).ToArray();
            if (hitsFile is not null)
            {
                File.WriteAllLines(hitsFile, queries.Select((q, i) => string.Join('\t', found[i].Select(h => $"{h.PithNumber} {h.Score.ToString("R", CultureInfo.InvariantCulture)}").Prepend(q.Text))));
                report.Fact("hits", "hits written", hitsFile, $"{hitsFile}: a line a query: the text, then each hit's Pith number and bm25 score, in rank order");
            }
            var samples = queries.Select(_ => new List<double>()).ToArray();
            progress.WriteLine($"timing (at least {minimum.TotalSeconds:0.#} s and one pass)...");
            var clock = Stopwatch.StartNew();
            do
            {
                for (var i = 0; i < queries.Count; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    search.Search(queries[i].Text, limit);
                    samples[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
            while (clock.Elapsed < minimum);

            report.Fact("mean_hits", "mean results per query", Math.Round(hits.Average(), 1), $"{hits.Average():0.0} (of at most {limit}); {hits.Count(h => h == 0)} queries found nothing");
            Latency(report, "all", "all queries", samples.SelectMany(s => s));
            LatencyByWords(report, "", "", queries, i => samples[i]);
            if (arguments.String("--pith") is { } pith) WholeProcesses(report, progress, path, limit, queries, pith, arguments.String("--baseline"));
        }
        return report;
    }

    /// <summary>
    /// Each query once as a whole <c>pith search --json</c> of each binary, in turn, the order swapped every query (after
    /// one warm-up pass of both): each one's latency by number of words and, with a baseline, the ratio of the times
    /// query by query and whether the two printed the same hits (Pith numbers and scores, in order).
    /// </summary>
    private static void WholeProcesses(Report report, TextWriter progress, string db, int limit, List<(string Text, int Words)> queries, string pith, string? baseline)
    {
        var binaries = baseline is null ? new[] { pith } : [pith, baseline];
        string[] Args(string text) => ["search", "--db", db, "--limit", limit.ToString(CultureInfo.InvariantCulture), "--json", "--", text];
        progress.WriteLine($"whole processes: warm-up pass of {string.Join(" and ", binaries)}...");
        foreach (var binary in binaries)
        {
            foreach (var query in queries) Search(binary, Args(query.Text));
        }
        progress.WriteLine("whole processes: each query in turn...");
        var times = binaries.Select(_ => new double[queries.Count]).ToArray();
        var same = 0;
        for (var i = 0; i < queries.Count; i++)
        {
            var printed = new string[binaries.Length];
            foreach (var b in i % 2 == 0 ? Enumerable.Range(0, binaries.Length) : Enumerable.Range(0, binaries.Length).Reverse())
                (times[b][i], printed[b]) = Search(binaries[b], Args(queries[i].Text));
            if (printed.All(p => p == printed[0])) same++;
        }
        report.DerivedHeading($"whole processes: pith search --json, each of {queries.Count:N0} queries once per binary, in turn");
        for (var b = 0; b < binaries.Length; b++)
        {
            var who = b == 0 ? "pith" : "baseline";
            var own = times[b];
            Latency(report, $"{who}_process_all", $"{who}: all queries", own);
            LatencyByWords(report, $"{who}_process_", $"{who}: ", queries, i => [own[i]]);
            report.Fact($"{who}_binary", who, binaries[b], binaries[b]);
        }
        if (baseline is null) return;
        var ratio = new Percentiles(times[0].Zip(times[1], (a, b) => a / b));
        report.Derived("process_time_over_baseline", "pith's time / baseline's", Math.Round(ratio.Median, 3),
            $"{ratio.Median:F3} (below 1: pith is faster; median of the query-by-query ratios; min {ratio.Min:F3}, max {ratio.Max:F3})");
        var oneWord = new Percentiles(queries.Select((q, i) => (q, i)).Where(x => x.q.Words == 1).Select(x => times[0][x.i] / times[1][x.i]));
        report.Derived("process_one_word_time_over_baseline", "  1 word", Math.Round(oneWord.Median, 3),
            $"{oneWord.Median:F3} (min {oneWord.Min:F3}, max {oneWord.Max:F3})");
        report.Derived("process_same_hits", "same hits", same, $"{same:N0} of {queries.Count:N0} queries printed the same hits, scores and order");
    }

    /// <summary>The wall time (ms) of one <c>pith search</c> and what it printed; it must exit 0 (found) or 1 (nothing found).</summary>
    private static (double Milliseconds, string Stdout) Search(string pith, string[] args)
    {
        var run = TimedProcess.Brief(pith, args);
        if (run.ExitCode is not (0 or 1)) throw new BenchFailure($"{pith} {string.Join(' ', args)} exited {run.ExitCode}: {run.Stderr.Trim()}");
        return (run.Wall.TotalMilliseconds, run.Stdout);
    }

    /// <summary>Latency of the queries of each number of words (0: a word no title holds), from each query's samples.</summary>
    private static void LatencyByWords(Report report, string keyPrefix, string labelPrefix, List<(string Text, int Words)> queries, Func<int, IEnumerable<double>> samplesOf)
    {
        foreach (var words in queries.Select(q => q.Words).Distinct().Order())
        {
            var label = words == 0 ? "absent word" : words == 1 ? "1 word" : $"{words} words";
            Latency(report, keyPrefix + (words == 0 ? "absent" : $"words_{words}"), labelPrefix + label,
                queries.Select((q, i) => (q, i)).Where(x => x.q.Words == words).SelectMany(x => samplesOf(x.i)));
        }
    }

    private static void Latency(Report report, string key, string label, IEnumerable<double> milliseconds)
    {
        var sample = new Percentiles(milliseconds);
        var (median, p90, p99, max) = (sample.Median, sample.P90, sample.P99, sample.Max);
        report.Derived($"{key}_median_ms", label, Math.Round(median, 3),
            $"median {F(median)} ms, p90 {F(p90)} ms, p99 {F(p99)} ms, max {F(max)} ms over {sample.Count:N0} searches");
        report.Derived($"{key}_p90_ms", "", Math.Round(p90, 3), "");
        report.Derived($"{key}_p99_ms", "", Math.Round(p99, 3), "");
        report.Derived($"{key}_max_ms", "", Math.Round(max, 3), "");
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Queries from titles at random rows (a fixed seed, so runs compare), and words no title holds.</summary>
    private static List<(string Text, int Words)> Queries(IndexDatabase database, int count)
    {
        var random = new Random(CorpusGenerator.DefaultSeed);
        var maxId = database.Scalar<long>("SELECT ifnull(max(id), 0) FROM records");
        if (maxId == 0) throw new BenchFailure("the index holds no records");
        using var command = database.Connection.CreateCommand();
        command.CommandText = "SELECT title FROM records WHERE id = $id AND title IS NOT NULL";
        var id = command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter { ParameterName = "$id" });
        var queries = new List<(string, int)>();
        for (var attempts = 0; queries.Count < count && attempts < count * 20; attempts++)
        {
            if (queries.Count % 10 == 9)
            {
                queries.Add(($"zqxj{queries.Count}", 0));
                continue;
            }
            id.Value = random.NextInt64(1, maxId + 1);
            if (command.ExecuteScalar() is not string title) continue;
            var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(':', ',', '.')).Where(w => w.Length > 0).ToArray();
            if (words.Length == 0) continue;
            var take = Math.Min(words.Length, 1 + queries.Count % 3);
            var first = random.Next(words.Length - take + 1);
            queries.Add((string.Join(' ', words[first..(first + take)]), take));
        }
        return queries;
    }
}
