using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Export;

public sealed class ExportCommandTests(IndexedCorpus corpus) : IClassFixture<IndexedCorpus>
{
    // What must survive an export and an import: every derived column of every record, the aliases, the older copies
    // and the bundles and state files kept beside the records.
    private const string RecordsQuery =
        "SELECT pith_number, code, hex(digest), year, source_kind, source_id, source_version, title, key_id, signature, updated_at, document_type, unsigned " +
        "FROM records ORDER BY pith_number";

    private const string AliasesQuery =
        "SELECT r.pith_number, a.kind, a.value, a.normalized FROM aliases a JOIN records r ON r.id = a.record_id ORDER BY r.pith_number, a.kind";

    private const string HistoryQuery =
        "SELECT r.pith_number, h.updated_at, hex(h.bytes_sha256) FROM record_history h JOIN records r ON r.id = h.record_id ORDER BY 1, 2";

    private const string DocumentsQuery =
        "SELECT r.pith_number, d.document_type, hex(d.bytes_sha256) FROM record_documents d JOIN records r ON r.id = d.record_id ORDER BY 1, 2, 3";

    [Fact]
    public void Importing_an_export_into_a_new_index_gives_the_same_records_aliases_history_bundles_and_state_files()
    {
        using var mirrored = IndexedCorpus.WithMirrorDocuments();
        var records = IndexedCorpus.Records + IndexedCorpus.MirrorRecords;
        // The documents that are not their record's own row: the seeds' bundle and state file.
        var documents = IndexedCorpus.MirrorDocumentsKept - IndexedCorpus.MirrorRecords;
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(mirrored.Temp.Root, "round-trip")).FullName, "export.jsonl");
        var export = mirrored.Run("export", "--history", "--out", file);
        export.AssertExit(0);
        Assert.Empty(export.Stdout);
        Assert.Equal($"pith export: {records} records, 1 older copies, 0 variants, {documents} bundles and state files to {file} (1 pretty-printed, written on one line); " +
                     "2 state files among them: import with --allow-unsigned to keep them", Assert.Single(export.StderrLines));
        Assert.Equal(records + 1 + documents, File.ReadAllLines(file).Length);
        // Nothing but the export is left beside it (the temporary file was renamed).
        Assert.Equal([file], Directory.GetFiles(Path.GetDirectoryName(file)!));

        var copy = Path.Combine(mirrored.Temp.Root, "round-trip", "copy.db");
        var import = PithImport.Run(copy, "--keys", mirrored.KeyFile, "--allow-unsigned", "--json", file);
        import.AssertExit(0);
        var summary = PithImport.Summary(import);
        var counts = PithImport.Counts(summary);
        // Parallel workers deliver the lines in any order: the reissue's older copy may come first (then the newer one
        // is "updated") or second ("historical"), and a seed's bundle before or after the seed; the end state is the same.
        Assert.Equal(records, counts[0]);
        Assert.Equal(1, counts[1] + counts[3]);
        Assert.Equal([0L, 0], new[] { counts[2], counts[4] });
        Assert.Equal(documents, summary.GetProperty("noted").GetInt64());

        foreach (var query in new[] { RecordsQuery, AliasesQuery, HistoryQuery, DocumentsQuery })
            Assert.Equal(IndexFile.Query(mirrored.Db, query), IndexFile.Query(copy, query));
        Assert.Equal(records * 6, IndexFile.Count(copy, "aliases"));
        Assert.Equal(IndexedCorpus.MirrorDocumentsKept, IndexFile.Count(copy, "record_documents"));
        // Only the pretty-printed record's bytes changed (its line breaks became spaces); every other original is as it was.
        const string originals = "SELECT pith_number, hex(bytes_sha256) FROM records ORDER BY pith_number";
        var differing = IndexFile.Query(mirrored.Db, originals).Except(IndexFile.Query(copy, originals)).ToList();
        Assert.StartsWith(mirrored.PrettyPithNumber + " | ", Assert.Single(differing), StringComparison.Ordinal);

        // Without --allow-unsigned the two state files are rejected (the record only one brought is then missing), the rest imported.
        var strict = Path.Combine(mirrored.Temp.Root, "round-trip", "strict.db");
        var strictImport = PithImport.Run(strict, "--keys", mirrored.KeyFile, "--json", file);
        strictImport.AssertExit(1);
        var strictSummary = PithImport.Summary(strictImport);
        Assert.Equal(2, strictSummary.GetProperty("rejected").GetInt64());
        Assert.Equal("{\"signature\":2}", strictSummary.GetProperty("rejected_by_check").GetRawText());
        Assert.Equal(records - 1, IndexFile.Count(strict, "records"));
    }

    [Fact]
    public void Standard_output_gets_the_current_records_only_without_history_one_per_line()
    {
        var result = corpus.Run("export");
        result.AssertExit(0);
        Assert.Equal(IndexedCorpus.Records, result.StdoutLines.Count);
        Assert.All(result.StdoutLines, line => Assert.StartsWith("{", line, StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, line => line.Contains(IndexedCorpus.PrettyTitle, StringComparison.Ordinal));
        Assert.Equal($"pith export: {IndexedCorpus.Records} records, 0 older copies, 0 variants, 0 bundles and state files (1 pretty-printed, written on one line)",
            Assert.Single(result.StderrLines));
        // A seed record is exported exactly as it was downloaded.
        Assert.Contains(System.Text.Encoding.UTF8.GetString(Samples.ReadBytes(Samples.Seeds[0].Path)), result.StdoutLines);
    }

    [Fact]
    public void A_missing_index_writes_no_file()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Root, "out.jsonl");
        var result = PithProcess.Run("export", "--db", Path.Combine(temp.Root, "none.db"), "--out", output);
        result.AssertExit(2);
        Assert.StartsWith("pith: no index at", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Root));
    }
}
