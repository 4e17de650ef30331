using System.Diagnostics;
using System.Globalization;
using System.IO.Pipes;
using Pith.Core.Verification;
using Pith.Index;
using Pith.Index.Import;
using Pith.Testing;

namespace Pith.Bench;

/// <summary>
/// The index the look-up benches (<c>resolve</c>, <c>serve</c>) run on: N generated records (one in ten with an old-style
/// id, about one in seven a later version of an earlier paper) signed by the bench key, built once through the
/// <see cref="Importer"/> (every record verified, as <c>pith import</c> does), fed as JSON Lines generated on the fly,
/// and kept in the bench's folder for the next run.
/// </summary>
public sealed record BenchIndex(string Db, CorpusGenerator Generator, PaperSource[] Sources, TestKey Key)
{
    /// <summary>The index of <paramref name="count"/> records in <paramref name="dir"/>, built unless an earlier run built it; a fact of <paramref name="report"/> says which.</summary>
    public static BenchIndex Ensure(int count, string dir, Report report, TextWriter progress)
    {
        Directory.CreateDirectory(dir);
        var key = new TestKey("pith-bench-2026");
        var generator = new CorpusGenerator(key);
        var sources = generator.DistinctSources(count);
        var db = Path.Combine(dir, $"index-{count}.db");
        var built = Build(db, generator, sources, key, progress);
        report.Fact("records", "index", count,
            $"{count:N0} records ({sources.Count(s => s.Id.Contains('/', StringComparison.Ordinal)):N0} old-style ids, {sources.Count(s => s.Version > 1):N0} of a version above 1), " +
            $"{Report.Megabytes(new FileInfo(db).Length)}, {(built is { } b ? $"built in {b.TotalSeconds:F0} s" : "reused")}: {db}");
        return new BenchIndex(db, generator, sources, key);
    }

    // Null when an earlier run built it; else how long building took.
    private static TimeSpan? Build(string db, CorpusGenerator generator, PaperSource[] sources, TestKey key, TextWriter progress)
    {
        var done = db + ".complete";
        if (File.Exists(done) && File.Exists(db)) return null;
        File.Delete(db);
        File.Delete(db + "-journal");
        var clock = Stopwatch.StartNew();
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, pipe.ClientSafePipeHandle);
        var producer = Task.Run(() =>
        {
            using var output = new BufferedStream(pipe, 1 << 20);
            const int chunk = 4_096;
            for (var start = 0; start < sources.Length; start += chunk)
            {
                var lines = new byte[Math.Min(chunk, sources.Length - start)][];
                Parallel.For(0, lines.Length, i => lines[i] = CorpusGenerator.Serialize(generator.CreateRecord(start + i, sources[start + i])));
                foreach (var line in lines)
                {
                    output.Write(line);
                    output.WriteByte((byte)'\n');
                }
            }
            // Disposing the buffer flushes it and closes the pipe: the end of standard input for the importer.
        });
        using (var database = IndexDatabase.Open(db))
        {
            var verifier = new RecordVerifier(key.OnlyThis());
            var importer = new Importer(database, verifier, new ImportOptions()) { OpenStandardInput = () => reader };
            var last = Stopwatch.StartNew();
            var summary = importer.Run(["-"], p =>
            {
                if (last.Elapsed < TimeSpan.FromSeconds(5)) return;
                last.Restart();
                progress.Write($"\rbuilding the index: {p.Inputs:N0} / {sources.Length:N0} records, {p.Inputs / p.Elapsed.TotalSeconds:N0}/s   ");
            });
            progress.WriteLine();
            producer.GetAwaiter().GetResult();
            if (summary.Imported != sources.Length || summary.Rejected != 0)
                throw new BenchFailure($"the import indexed {summary.Imported:N0} of {sources.Length:N0} records, rejected {summary.Rejected:N0}");
        }
        File.WriteAllText(done, clock.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture));
        return clock.Elapsed;
    }
}
