using System.Text;
using System.Text.Json.Nodes;
using Pith.Cli.Tests.Import;
using Pith.Testing;

namespace Pith.Cli.Tests.Resolve;

/// <summary>
/// One real index, built once with <c>pith import</c>, for the resolve and show tests: the seed records, and generated
/// records with old-style ids and several versions, among them a paper whose three versions arrive out of order
/// (v2, v3, v1), a record reissued once (an older copy kept) and a record whose title holds terminal escapes.
/// </summary>
public sealed class ResolveIndex : IDisposable
{
    /// <summary>The paper with three versions, written to the import in the order v2, v3, v1.</summary>
    public const string ThreeVersions = "2310.00003";

    /// <summary>The record whose title tries to drive the terminal.</summary>
    public const string EscapeTitleId = "2402.00042";

    public const string EscapeTitle = "Evil \u001b]0;pwned\u0007 title \u202Egnp.exe";

    private readonly TempFolder _temp = new();

    public ResolveIndex()
    {
        var key = PithImport.WriteTestKey(_temp);
        var lines = new StringBuilder();
        var generated = new List<Indexed>();
        foreach (var (id, version, title) in Papers())
        {
            var record = RecordFactory.Create(TestKey.Default, sourceId: id, version: version, title: title,
                submittedAt: SubmittedAt(id, version), updatedAt: "2026-05-17T23:52:20Z");
            var bytes = RecordFactory.ToBytes(record);
            lines.Append(Encoding.UTF8.GetString(bytes)).Append('\n');
            generated.Add(new Indexed(id, version, record["pith_number"]!.GetValue<string>(), bytes, title));
        }
        // A reissue of v1 of the three-version paper: the same canonical record, a newer updated_at.
        var first = generated.Single(r => r.SourceId == ThreeVersions && r.Version == 1);
        var reissue = RecordFactory.Parse(first.Bytes);
        reissue["updated_at"] = "2026-07-05T06:58:51.293543+00:00";
        reissue["inbound_citations"] = new JsonObject { ["count"] = 3 };
        var reissueBytes = RecordFactory.ToBytes(reissue);
        lines.Append(Encoding.UTF8.GetString(reissueBytes)).Append('\n');
        generated[generated.IndexOf(first)] = first with { Bytes = reissueBytes };

        var jsonl = _temp.Write("generated.jsonl", lines.ToString());
        Db = Path.Combine(_temp.Root, "index.db");
        var import = PithImport.Run(Db, "--keys", key, "--quiet", Samples.Records, jsonl);
        import.AssertExit(0);
        Generated = generated;
        Seeds = [.. Samples.Seeds.Select(seed => FromSeed(seed.Path, seed.PithNumber))];
    }

    public string Db { get; }

    public string Root => _temp.Root;

    /// <summary>The three signed seed records, as indexed.</summary>
    public IReadOnlyList<Indexed> Seeds { get; }

    /// <summary>The generated records, as indexed (the reissued record with its current bytes).</summary>
    public IReadOnlyList<Indexed> Generated { get; }

    public IEnumerable<Indexed> All => Seeds.Concat(Generated);

    /// <summary>The record of <paramref name="sourceId"/> version <paramref name="version"/>.</summary>
    public Indexed Record(string sourceId, int version) => All.Single(r => r.SourceId == sourceId && r.Version == version);

    /// <summary>The newest version indexed of the paper <paramref name="sourceId"/>: what its unversioned forms name.</summary>
    public Indexed Newest(string sourceId) => All.Where(r => r.SourceId == sourceId).MaxBy(r => r.Version)!;

    /// <summary>Runs pith with <c>--db</c> this index (after the command name).</summary>
    public PithResult Run(string command, params string[] args) => PithProcess.Run([command, "--db", Db, .. args]);

    public void Dispose() => _temp.Dispose();

    // Old-style ids (with archives that have a hyphen, and one that has subject classes), several versions, a
    // paper whose versions arrive out of order, both new-style sequence lengths (4 digits up to 1412, 5 from 1501).
    private static IEnumerable<(string Id, int Version, string Title)> Papers() =>
    [
        ("hep-th/9901001", 1, "Strings on old-style ids"),
        ("hep-th/9901001", 2, "Strings on old-style ids, revised"),
        ("math/0309136", 1, "A knot invariant"),
        ("math/0309136", 2, "A knot invariant, corrected"),
        ("math/0309136", 3, "A knot invariant, final"),
        ("astro-ph/0601002", 4, "A galaxy survey"),
        ("1412.0001", 1, "The last four-digit month"),
        ("1501.00001", 2, "The first five-digit month"),
        (ThreeVersions, 2, "Three versions: the second"),
        (ThreeVersions, 3, "Three versions: the third"),
        (ThreeVersions, 1, "Three versions: the first"),
        (EscapeTitleId, 1, EscapeTitle),
    ];

    private static string SubmittedAt(string id, int version)
    {
        var digits = id[(id.IndexOf('/') + 1)..];
        var year = int.Parse(digits[..2], System.Globalization.CultureInfo.InvariantCulture);
        return $"{(year > 90 ? 1900 : 2000) + year}-{digits[2..4]}-{10 + version:D2}T12:00:00Z";
    }

    private static Indexed FromSeed(string path, string number)
    {
        var bytes = Samples.ReadBytes(path);
        var record = RecordFactory.Parse(bytes);
        var source = record["canonical_record"]!["source"]!;
        return new Indexed(source["id"]!.GetValue<string>(), source["version"]!.GetValue<int>(), number, bytes,
            record["paper"]!["title"]!.GetValue<string>());
    }

    /// <summary>A record in the index: its arXiv source, its Pith number, its bytes exactly as imported, its title.</summary>
    public sealed record Indexed(string SourceId, int Version, string PithNumber, byte[] Bytes, string Title)
    {
        public string Code => PithNumber[^26..];
    }
}
