using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Pith.Testing;

namespace Pith.Cli.Tests.Import;

/// <summary>
/// A large generated import, shared by the tests that kill or race imports: thousands of signed records in a
/// nested tree, reissued copies arriving in both orders, a JSON Lines export, and files to reject. Built once;
/// a clean import of it is the reference those tests compare against.
/// </summary>
public sealed class ImportCorpus : IDisposable
{
    public const int TreeRecords = 8_000;
    public const int LineRecords = 400;
    public const int Reissued = TreeRecords / 100;
    public const int BadFiles = 24;
    public const int BadLines = 2;

    private readonly TempFolder _temp = new();
    private readonly Lazy<Reference> _reference;

    public ImportCorpus()
    {
        var clock = Stopwatch.StartNew();
        KeyFile = PithImport.WriteTestKey(_temp);
        Root = Path.Combine(_temp.Root, "corpus");
        var other = new TestKey("pith-untrusted-2026");
        Parallel.For(0, TreeRecords, i => WriteTreeRecord(i));
        WriteBadFiles(other);
        WriteJsonLines();
        GenerationTime = clock.Elapsed;
        _reference = new Lazy<Reference>(ImportReference);
    }

    /// <summary>The folder to import: papers/, reissued/, export/ and bad/ under it.</summary>
    public string Root { get; }

    public string KeyFile { get; }

    public TimeSpan GenerationTime { get; }

    /// <summary>Distinct Pith numbers: what the records table must end with.</summary>
    public static int Records => TreeRecords + LineRecords;

    /// <summary>Every input counted once: files, plus the non-blank lines of the export.</summary>
    public static int Inputs => TreeRecords + Reissued + BadFiles + LineRecords + BadLines;

    public static int Rejects => BadFiles + BadLines;

    /// <summary>The clean import of <see cref="Root"/> (made on first use).</summary>
    public Reference Clean => _reference.Value;

    public string Papers => Path.Combine(Root, "papers");

    public string ReissuedFolder => Path.Combine(Root, "reissued");

    public string Export => Path.Combine(Root, "export");

    public string Bad => Path.Combine(Root, "bad");

    /// <summary>The command line importing the whole corpus into <paramref name="db"/>, with <paramref name="options"/> added.</summary>
    public string[] ImportArgs(string db, params string[] options) => PithImport.Args(db, ["--keys", KeyFile, "--quiet", .. options, Root]);

    /// <summary>The command line importing only what <paramref name="args"/> names (options first, then paths).</summary>
    public string[] ImportPathsArgs(string db, params string[] args) => PithImport.Args(db, ["--keys", KeyFile, "--quiet", .. args]);

    /// <summary>The rejects of the latest run: where and why, without ids.</summary>
    public static IReadOnlyList<string> LastRunRejects(string db) =>
        IndexFile.Query(db, "SELECT path || ':' || ifnull(line, '') || ' ' || reason FROM rejects WHERE run_id = (SELECT max(id) FROM import_runs) ORDER BY path, line");

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Record i under papers/YEAR/SHARD/. Every 100th is also reissued: the older copy and the newer one go, in turn,
    /// to papers/ (walked first) and reissued/ (walked after), so both arrival orders happen.
    /// </summary>
    private void WriteTreeRecord(int i)
    {
        var year = 2013 + i % 13;
        var sourceId = $"{year % 100:D2}{1 + i % 12:D2}.{i:D5}";
        var relative = Path.Combine("corpus", "papers", year.ToString(System.Globalization.CultureInfo.InvariantCulture), $"s{i % 7}", $"{sourceId}.json");
        var record = Create(i, sourceId, year, "2026-05-17T23:52:20Z");
        if (i % 100 != 0)
        {
            _temp.Write(relative, RecordFactory.ToBytes(record));
            return;
        }
        var reissued = Create(i, sourceId, year, "2026-07-05T06:58:51.293543+00:00");
        reissued["inbound_citations"] = new JsonObject { ["count"] = i % 17, ["as_of"] = "2026-07-05" };
        RecordFactory.Resign(reissued, TestKey.Default);
        var (first, second) = i % 200 == 0 ? (record, reissued) : (reissued, record);
        _temp.Write(relative, RecordFactory.ToBytes(first));
        _temp.Write(Path.Combine("corpus", "reissued", $"{sourceId}.json"), RecordFactory.ToBytes(second));
    }

    private static JsonObject Create(int i, string sourceId, int year, string updatedAt) =>
        RecordFactory.Create(
            TestKey.Default,
            sourceId: sourceId,
            version: 1 + i % 3,
            title: $"Synthetic paper {i}: on compression and generalisation",
            abstractText: $"Abstract of synthetic paper {i}.",
            submittedAt: $"{year}-{1 + i % 12:D2}-{1 + i % 28:D2}T12:{i % 60:D2}:00Z",
            updatedAt: updatedAt);

    /// <summary>Files no import may index: not JSON, cut short, unsigned, signed by an unknown key, tampered.</summary>
    private void WriteBadFiles(TestKey untrusted)
    {
        var n = 0;
        void Bad(string name, byte[] bytes) => _temp.Write(Path.Combine("corpus", "bad", $"{n++:D2}-{name}"), bytes);
        for (var k = 0; k < BadFiles / 6; k++)
        {
            var sourceId = $"2501.9{k:D4}";
            var record = RecordFactory.Create(TestKey.Default, sourceId: sourceId, title: $"Bad {k}");
            Bad("page.html", Encoding.UTF8.GetBytes($"<html><body>not a record {k}</body></html>"));
            Bad("cut.json", RecordFactory.ToBytes(record)[..200]);
            var unsigned = record.DeepClone().AsObject();
            unsigned["receipt"]!.AsObject().Remove("signature_b64");
            Bad("unsigned.json", RecordFactory.ToBytes(unsigned));
            Bad("untrusted.json", RecordFactory.ToBytes(RecordFactory.Create(untrusted, sourceId: sourceId, title: $"Bad {k}")));
            var tampered = record.DeepClone().AsObject();
            tampered["paper"]!["title"] = "A different title";
            Bad("tampered.json", RecordFactory.ToBytes(tampered));
            Bad("empty.json", []);
        }
    }

    /// <summary>An export: one record per line, a blank line, and two bad lines among them.</summary>
    private void WriteJsonLines()
    {
        var text = new StringBuilder();
        for (var i = 0; i < LineRecords; i++)
        {
            var sourceId = $"2402.5{i:D4}";
            text.Append(RecordFactory.Create(TestKey.Default, sourceId: sourceId, title: $"Exported paper {i}").ToJsonString()).Append('\n');
            if (i == 100) text.Append('\n');
            if (i == 200) text.Append("{\"record_type\": \"pith_number_record\"\n");
            if (i == 300) text.Append("not json at all\n");
        }
        _temp.Write(Path.Combine("corpus", "export", "records.jsonl"), text.ToString());
    }

    private Reference ImportReference()
    {
        // An import of nothing: what starting pith and opening an index cost, before any input.
        var empty = Directory.CreateDirectory(Path.Combine(_temp.Root, "empty")).FullName;
        var clock = Stopwatch.StartNew();
        PithProcess.Run(ImportPathsArgs(Path.Combine(_temp.Root, "empty.db"), empty)).AssertExit(0);
        var startup = clock.Elapsed;

        var db = Path.Combine(_temp.Root, "reference.db");
        clock.Restart();
        var result = PithProcess.Run(ImportArgs(db));
        var duration = clock.Elapsed;
        result.AssertExit(1);
        return new Reference(db, IndexFile.Dump(db), LastRunRejects(db), startup, duration);
    }

    /// <summary>
    /// A clean import's index, its dump, its rejects, how long it took (process start to exit), and how much of
    /// that was starting up (an import of nothing).
    /// </summary>
    public sealed record Reference(string Db, IReadOnlyList<string> Dump, IReadOnlyList<string> Rejects, TimeSpan Startup, TimeSpan Duration)
    {
        public TimeSpan Work => Duration > Startup ? Duration - Startup : TimeSpan.Zero;
    }
}
