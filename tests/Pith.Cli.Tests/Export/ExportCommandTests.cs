using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Export;

public sealed class ExportCommandTests(IndexedCorpus corpus) : IClassFixture<IndexedCorpus>
{
    // What must survive an export and an import: every derived column of every record, and the aliases.
    private const string RecordsQuery =
        "SELECT pith_number, code, hex(digest), year, source_kind, source_id, source_version, title, key_id, signature, updated_at FROM records ORDER BY pith_number";

    private const string AliasesQuery =
        "SELECT r.pith_number, a.kind, a.value, a.normalized FROM aliases a JOIN records r ON r.id = a.record_id ORDER BY r.pith_number, a.kind";

    private const string HistoryQuery =
        "SELECT r.pith_number, h.updated_at, hex(h.bytes_sha256) FROM record_history h JOIN records r ON r.id = h.record_id ORDER BY 1, 2";

    [Fact]
    public void Importing_an_export_into_a_new_index_gives_the_same_records_aliases_and_history()
    {
        var file = Path.Combine(corpus.Temp.Root, "round-trip", "export.jsonl");
        var export = corpus.Run("export", "--history", "--out", file);
        export.AssertExit(0);
        Assert.Empty(export.Stdout);
        Assert.Equal($"pith export: {IndexedCorpus.Records} records, 1 older copies to {file} (1 pretty-printed, written on one line)", Assert.Single(export.StderrLines));
        Assert.Equal(IndexedCorpus.Records + 1, File.ReadAllLines(file).Length);
        // Nothing but the export is left beside it (the temporary file was renamed).
        Assert.Equal([file], Directory.GetFiles(Path.GetDirectoryName(file)!));

        var copy = Path.Combine(corpus.Temp.Root, "round-trip", "copy.db");
        var import = PithImport.Run(copy, "--keys", corpus.KeyFile, "--json", file);
        import.AssertExit(0);
        Assert.Equal([IndexedCorpus.Records, 0L, 0, 1, 0], PithImport.Counts(PithImport.Summary(import)));

        Assert.Equal(IndexFile.Query(corpus.Db, RecordsQuery), IndexFile.Query(copy, RecordsQuery));
        Assert.Equal(IndexFile.Query(corpus.Db, AliasesQuery), IndexFile.Query(copy, AliasesQuery));
        Assert.Equal(IndexFile.Query(corpus.Db, HistoryQuery), IndexFile.Query(copy, HistoryQuery));
        Assert.Equal(IndexedCorpus.Records * 6, IndexFile.Count(copy, "aliases"));
        // Only the pretty-printed record's bytes changed (its line breaks became spaces); every other original is as it was.
        const string originals = "SELECT pith_number, hex(bytes_sha256) FROM records ORDER BY pith_number";
        var differing = IndexFile.Query(corpus.Db, originals).Except(IndexFile.Query(copy, originals)).ToList();
        Assert.StartsWith(corpus.PrettyPithNumber + " | ", Assert.Single(differing), StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_output_gets_the_current_records_only_without_history_one_per_line()
    {
        var result = corpus.Run("export");
        result.AssertExit(0);
        Assert.Equal(IndexedCorpus.Records, result.StdoutLines.Count);
        Assert.All(result.StdoutLines, line => Assert.StartsWith("{", line, StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, line => line.Contains(IndexedCorpus.PrettyTitle, StringComparison.Ordinal));
        Assert.Equal($"pith export: {IndexedCorpus.Records} records, 0 older copies (1 pretty-printed, written on one line)", Assert.Single(result.StderrLines));
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
