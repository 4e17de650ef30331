using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pith.Cli.Tests.Import;
using Pith.Testing;

namespace Pith.Cli.Tests;

/// <summary>
/// A small real index for the commands that read one (search, export, audit, stats): the seed records (built-in key)
/// and generated ones (test key): a paper with three versions, an old-style id, a reissued record with its older
/// copy kept, a pretty-printed record and a title holding a terminal escape. Built by the real <c>pith import</c>.
/// <see cref="WithMirrorDocuments"/> adds, in a second run (<c>--allow-unsigned</c>), bundles and state files.
/// </summary>
public sealed class IndexedCorpus : IDisposable
{
    public const string PrettyTitle = "Pretty printed record on several lines";
    public const string TamperTitle = "Tamper target paper";
    public const string EscapeTitle = "Terminal \u001b[2J escape";
    public const int Generated = 8;

    /// <summary>Records only a mirror document brought (<see cref="WithMirrorDocuments"/>): one by a bundle, one by a state file.</summary>
    public const int MirrorRecords = 2;

    /// <summary>
    /// Bundles and state files kept in <c>record_documents</c> (<see cref="WithMirrorDocuments"/>): those of the two
    /// records they brought, a bundle of seed 0 and a state file of seed 1.
    /// </summary>
    public const int MirrorDocumentsKept = 4;

    /// <summary>Used as a class fixture: xunit wants exactly one public constructor.</summary>
    public IndexedCorpus() : this(mirrorDocuments: false)
    {
    }

    private IndexedCorpus(bool mirrorDocuments)
    {
        KeyFile = PithImport.WriteTestKey(Temp);
        Db = Path.Combine(Temp.Root, "index.db");
        var records = new List<JsonObject>
        {
            Create("2312.01234", 1, "Sparse attention for long documents"),
            Create("2312.01234", 2, "Sparse attention for long documents"),
            Create("2312.01234", 3, "Sparse attention for long documents, revised"),
            Create("hep-th/9901001", 1, "Strings on orbifolds"),
            Create("2401.00002", 1, TamperTitle),
            Create("2401.00003", 1, EscapeTitle),
        };
        for (var i = 0; i < records.Count; i++) Temp.Write(Path.Combine("generated", $"{i:D2}.json"), RecordFactory.ToBytes(records[i]));

        var pretty = Create("2401.00004", 1, PrettyTitle);
        PrettyPithNumber = pretty["pith_number"]!.GetValue<string>();
        Temp.Write(Path.Combine("generated", "pretty.json"),
            Encoding.UTF8.GetBytes(pretty.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n"));

        // A reissue: two copies of one record. Parallel workers may deliver either first: the newer one ends up current and
        // the older one in history (counted "historical" or, when it came first, the newer one "updated").
        var older = Create("2401.00005", 1, "Reissued paper", updatedAt: "2026-05-17T23:52:20Z");
        var newer = Create("2401.00005", 1, "Reissued paper", updatedAt: "2026-07-05T06:58:51.293543+00:00");
        newer["inbound_citations"] = new JsonObject { ["count"] = 3 };
        RecordFactory.Resign(newer, TestKey.Default);
        ReissuedPithNumber = older["pith_number"]!.GetValue<string>();
        Temp.Write(Path.Combine("generated", "reissue-a.json"), RecordFactory.ToBytes(older));
        Temp.Write(Path.Combine("generated", "reissue-b.json"), RecordFactory.ToBytes(newer));

        PithImport.Run(Db, "--keys", KeyFile, "--quiet", Samples.Records, Path.Combine(Temp.Root, "generated")).AssertExit(0);
        if (!mirrorDocuments) return;

        var bundled = Create("2402.00001", 1, "Paper only a bundle brought");
        var stated = Create("2402.00002", 1, "Paper only a state file brought");
        BundledPithNumber = bundled["pith_number"]!.GetValue<string>();
        StatedPithNumber = stated["pith_number"]!.GetValue<string>();
        Temp.Write(Path.Combine("mirror", "bundle-only.json"), RecordFactory.ToBytes(MirrorDocumentFactory.Bundle(bundled)));
        Temp.Write(Path.Combine("mirror", "state-only.json"), RecordFactory.ToBytes(MirrorDocumentFactory.State(stated)));
        Temp.Write(Path.Combine("mirror", "seed-0-bundle.json"), RecordFactory.ToBytes(MirrorDocuments.Bundle(0)));
        Temp.Write(Path.Combine("mirror", "seed-1-state.json"), RecordFactory.ToBytes(MirrorDocuments.State(1)));
        PithImport.Run(Db, "--keys", KeyFile, "--quiet", "--allow-unsigned", Path.Combine(Temp.Root, "mirror")).AssertExit(0);
    }

    /// <summary>The corpus, plus a record only a bundle brought, one only a state file brought, and a bundle and a state file of seeds.</summary>
    public static IndexedCorpus WithMirrorDocuments() => new(mirrorDocuments: true);

    /// <summary>With <see cref="WithMirrorDocuments"/>: the record only a bundle brought (its row holds the bundle).</summary>
    public string? BundledPithNumber { get; }

    /// <summary>With <see cref="WithMirrorDocuments"/>: the record only a state file brought (unsigned).</summary>
    public string? StatedPithNumber { get; }

    public TempFolder Temp { get; } = new();

    public string Db { get; }

    public string KeyFile { get; }

    public string PrettyPithNumber { get; }

    public string ReissuedPithNumber { get; }

    /// <summary>Current records: the three seeds and the generated ones (the reissue is one record).</summary>
    public static int Records => Samples.Seeds.Length + Generated;

    public static JsonObject Create(string sourceId, int version, string title, string updatedAt = "2026-07-05T06:58:51.293543+00:00") =>
        RecordFactory.Create(TestKey.Default, sourceId: sourceId, version: version, title: title, updatedAt: updatedAt,
            submittedAt: sourceId.StartsWith("hep", StringComparison.Ordinal) ? "1999-01-04T10:00:00Z" : $"20{sourceId[..2]}-{sourceId[2..4]}-0{version}T12:00:00Z");

    /// <summary>pith with <c>--db</c> (the command's first argument, then the index, then the rest).</summary>
    public PithResult Run(string command, params string[] args) => PithProcess.Run([command, "--db", Db, .. args]);

    public void Dispose() => Temp.Dispose();
}
