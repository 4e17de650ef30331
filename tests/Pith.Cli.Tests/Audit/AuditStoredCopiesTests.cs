using System.Text.Json;
using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Audit;

/// <summary>
/// Audit of an index holding bundles and state files besides records: sound, it passes; with its columns and kept
/// documents edited behind pith's back, every edit is named by the check that catches it.
/// </summary>
public sealed class AuditStoredCopiesTests
{
    [Fact]
    public void Records_bundles_and_state_files_audit_clean_including_a_record_only_a_state_file_brought()
    {
        using var corpus = IndexedCorpus.WithMirrorDocuments();
        var result = corpus.Run("audit", "--keys", corpus.KeyFile, "--json");
        result.AssertExit(0);
        using var document = JsonDocument.Parse(Assert.Single(result.StdoutLines));
        var root = document.RootElement;
        Assert.Empty(root.GetProperty("failures").EnumerateArray());
        Assert.Equal(IndexedCorpus.Records + IndexedCorpus.MirrorRecords, root.GetProperty("records").GetInt64());
        Assert.Equal(1, root.GetProperty("history_copies").GetInt64());
        Assert.Equal(IndexedCorpus.MirrorDocumentsKept, root.GetProperty("documents").GetInt64());
    }

    [Fact]
    public void Every_column_and_kept_document_edited_with_plain_sqlite_is_named_with_its_check()
    {
        using var corpus = IndexedCorpus.WithMirrorDocuments();
        string Id(string pithNumber) => $"(SELECT id FROM records WHERE pith_number = '{pithNumber}')";
        var (seed0, seed1, seed2) = (Samples.Seeds[0].PithNumber, Samples.Seeds[1].PithNumber, Samples.Seeds[2].PithNumber);
        using (var connection = IndexFile.Open(corpus.Db))
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                $"""
                UPDATE records SET code = 'AAAAAAAAAAAAAAAAAAAAAAAAAA', year = '1900' WHERE source_id = '2312.01234' AND source_version = 1;
                UPDATE records SET digest = zeroblob(32) WHERE source_id = '2312.01234' AND source_version = 2;
                UPDATE records SET source_id = '2312.09999' WHERE source_id = '2312.01234' AND source_version = 3;
                UPDATE records SET source_kind = 'biorxiv' WHERE source_id = 'hep-th/9901001';
                UPDATE records SET source_version = 9 WHERE source_id = '2401.00002';
                UPDATE records SET key_id = 'pith-other-key' WHERE source_id = '2401.00003';
                UPDATE records SET signature = 'AAAA' WHERE source_id = '2401.00004';
                -- An alias redirected: resolve would answer 2310.05918 with this record.
                UPDATE aliases SET normalized = '2310.05918' WHERE kind = 'arxiv' AND record_id = (SELECT id FROM records WHERE source_id = '2401.00005');
                UPDATE aliases SET value = 'tampered-value' WHERE kind = 'arxiv_version' AND record_id = {Id(seed0)};
                UPDATE records SET unsigned = 1 WHERE pith_number = '{seed1}';
                UPDATE records SET unsigned = 0 WHERE pith_number = '{corpus.StatedPithNumber}';
                UPDATE records SET document_type = 'pith_number_record' WHERE pith_number = '{corpus.BundledPithNumber}';
                -- Kept documents: one moved to another record, one retyped, one whose bytes changed.
                UPDATE record_documents SET record_id = {Id(seed2)} WHERE record_id = {Id(seed0)};
                UPDATE record_documents SET document_type = 'pith_open_graph_bundle' WHERE record_id = {Id(seed1)};
                UPDATE record_documents SET original = CAST(CAST(original AS TEXT) || ' ' AS BLOB) WHERE record_id = {Id(corpus.BundledPithNumber!)};
                """;
            Assert.Equal(15, command.ExecuteNonQuery());
        }

        var result = corpus.Run("audit", "--keys", corpus.KeyFile, "--json");
        result.AssertExit(1);
        using var document = JsonDocument.Parse(Assert.Single(result.StdoutLines));
        var root = document.RootElement;
        var failures = root.GetProperty("failures").EnumerateArray().ToDictionary(
            f => (f.GetProperty("pith_number").GetString()!, f.GetProperty("copy").GetString()!),
            f => f.GetProperty("problems").EnumerateArray().Select(p => (Check: p.GetProperty("check").GetString()!, Reason: p.GetProperty("reason").GetString()!)).ToList());
        string Number(string sourceId, int version = 1) =>
            Assert.Single(IndexFile.Query(corpus.Db, $"SELECT pith_number FROM records WHERE source_id = '{sourceId}' AND source_version = {version}"));
        void Named(string pithNumber, string copy, string check, string inReason)
        {
            Assert.True(failures.TryGetValue((pithNumber, copy), out var problems), $"{pithNumber} ({copy}) failed");
            Assert.Contains(problems!, p => p.Check == check && p.Reason.Contains(inReason, StringComparison.Ordinal));
        }

        Named(Number("2312.01234", 1), "current", "stored.code", "the index says 'AAAAAAAAAAAAAAAAAAAAAAAAAA'");
        Named(Number("2312.01234", 1), "current", "stored.year", "the index says '1900'");
        Named(Number("2312.01234", 2), "current", "stored.digest", "the index says '" + new string('0', 64) + "'");
        Named(Number("2312.09999", 3), "current", "stored.source", "the index says 'arxiv 2312.09999 v3'");
        Named(Number("hep-th/9901001"), "current", "stored.source", "the index says 'biorxiv hep-th/9901001 v1'");
        Named(Number("2401.00002", 9), "current", "stored.source", "the index says 'arxiv 2401.00002 v9'");
        Named(Number("2401.00003"), "current", "stored.key_id", "the index says 'pith-other-key', the record derives 'pith-test-2026'");
        Named(Number("2401.00004"), "current", "stored.signature", "the index says 'AAAA'");
        Named(Number("2401.00005"), "current", "stored.aliases", "the index says 'arxiv=2401.00005 (2310.05918)");
        Named(seed0, "current", "stored.aliases", "arxiv_version=tampered-value");
        Named(seed1, "current", "stored.unsigned", "the index says '1', the record derives '0'");
        Named(corpus.StatedPithNumber!, "current", "stored.unsigned", "the index says '0', the record derives '1'");
        Named(corpus.StatedPithNumber!, "current", "signature", "consistent, unsigned");
        Named(corpus.BundledPithNumber!, "current", "stored.document_type", "the index says 'pith_number_record', the record derives 'pith_open_graph_bundle'");
        Named(seed2, "document", "stored.pith_number", $"the index says '{seed2}', the record derives '{seed0}'");
        Named(seed1, "document", "stored.document_type", "the index says 'pith_open_graph_bundle', the record derives 'pith_open_graph_state'");
        Named(corpus.BundledPithNumber!, "document", "bytes_sha256", "the stored bytes have changed since they were imported");
        // Nothing else failed: the untouched record, the older copy and the untouched state file are sound.
        Assert.Equal(15, failures.Count);
        Assert.Equal(12, root.GetProperty("failed_records").GetInt64());
        Assert.Equal(0, root.GetProperty("failed_history_copies").GetInt64());
        Assert.Equal(3, root.GetProperty("failed_documents").GetInt64());

        // People read which copy failed: a kept document by its type.
        var human = corpus.Run("audit", "--keys", corpus.KeyFile);
        human.AssertExit(1);
        Assert.Contains(human.StdoutLines, l => l.StartsWith($"FAIL {seed2} (kept pith_open_graph_bundle, imported from ", StringComparison.Ordinal) &&
                                                l.EndsWith($"stored.pith_number: the index says '{seed2}', the record derives '{seed0}'", StringComparison.Ordinal));
        Assert.EndsWith(": 12 records, 0 older copies, 0 variants and 3 bundles and state files failed", human.StderrLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_of_the_wrong_type_are_failures_of_their_copy_and_export_stops_in_one_line()
    {
        using var corpus = IndexedCorpus.WithMirrorDocuments();
        var (seed0, seed1, seed2) = (Samples.Seeds[0].PithNumber, Samples.Seeds[1].PithNumber, Samples.Seeds[2].PithNumber);
        using (var connection = IndexFile.Open(corpus.Db))
        {
            using var command = connection.CreateCommand();
            // SQLite lets any column hold any type: the README's own tampering example stores the originals as TEXT.
            command.CommandText =
                $"""
                UPDATE record_originals SET original = replace(original, 'Autoencoders', 'AutoEncoders')
                  WHERE record_id = (SELECT id FROM records WHERE pith_number = '{seed1}');
                UPDATE records SET digest = hex(digest), source_version = 'one' WHERE pith_number = '{seed0}';
                UPDATE records SET title = CAST(title AS BLOB), bytes_sha256 = 42 WHERE pith_number = '{seed2}';
                UPDATE record_history SET original = CAST(original AS TEXT);
                """;
            Assert.Equal(4, command.ExecuteNonQuery());
        }

        var result = corpus.Run("audit", "--keys", corpus.KeyFile, "--json");

        result.AssertExit(1);
        result.AssertNoStackTrace();
        using var document = JsonDocument.Parse(Assert.Single(result.StdoutLines));
        var failures = document.RootElement.GetProperty("failures").EnumerateArray().ToDictionary(
            f => (f.GetProperty("pith_number").GetString()!, f.GetProperty("copy").GetString()!),
            f => f.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("check").GetString() + ": " + p.GetProperty("reason").GetString()).ToList());
        Assert.Contains("stored.original: the index holds TEXT where a BLOB belongs (the file was changed outside pith)", failures[(seed1, "current")]);
        Assert.Contains(failures[(seed1, "current")], p => p.StartsWith("bytes_sha256: the stored bytes have changed", StringComparison.Ordinal));
        Assert.Contains("stored.digest: the index holds TEXT where a BLOB belongs (the file was changed outside pith)", failures[(seed0, "current")]);
        Assert.Contains("stored.source_version: the index holds TEXT where an INTEGER belongs (the file was changed outside pith)", failures[(seed0, "current")]);
        Assert.Contains("stored.title: the index holds a BLOB where TEXT belongs (the file was changed outside pith)", failures[(seed2, "current")]);
        Assert.Contains("stored.bytes_sha256: the index holds an INTEGER where a BLOB belongs (the file was changed outside pith)", failures[(seed2, "current")]);
        var history = Assert.Single(failures, f => f.Key.Item2 == "history");
        Assert.Contains("stored.original: the index holds TEXT where a BLOB belongs (the file was changed outside pith)", history.Value);

        var export = corpus.Run("export", "--history");
        export.AssertExit(2);
        export.AssertNoStackTrace();
        Assert.Equal($"pith: {corpus.Db}: {seed1}: original: the index holds TEXT where a BLOB belongs (the file was changed outside pith) (pith audit lists what is damaged)",
            Assert.Single(export.StderrLines));
    }
}
