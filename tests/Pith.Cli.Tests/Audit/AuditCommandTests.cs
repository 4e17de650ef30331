using System.Text;
using System.Text.Json;
using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Audit;

/// <summary>Each test audits an index of its own: some of them damage it.</summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly IndexedCorpus _corpus = new();

    public void Dispose() => _corpus.Dispose();

    private PithResult Audit(params string[] args) => _corpus.Run("audit", ["--keys", _corpus.KeyFile, .. args]);

    private string PithNumberOf(string title) =>
        Assert.Single(IndexFile.Query(_corpus.Db, $"SELECT pith_number FROM records WHERE title = '{title}'"));

    [Fact]
    public void A_clean_index_passes()
    {
        var result = Audit();
        result.AssertExit(0);
        Assert.Matches($@"^pith audit: audited {IndexedCorpus.Records} records, 1 older copies, 0 variants and 0 bundles and state files in \d+\.\d\d s: all sound$", Assert.Single(result.StderrLines));
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void One_byte_flipped_in_the_database_file_names_the_record_that_holds_it()
    {
        // Flip one byte of the record's stored bytes in the file itself, as bit rot or a tamperer with a hex editor would.
        // A free page may still hold a stale copy of them (moved when a page split): the byte flipped is the one that
        // SQLite then reads as the record's.
        var file = File.ReadAllBytes(_corpus.Db);
        var needle = Encoding.UTF8.GetBytes($"\"title\":\"{IndexedCorpus.TamperTitle}\"");
        var flipped = false;
        for (var from = 0; !flipped && file.AsSpan(from).IndexOf(needle) is var found and >= 0; from += found + 1)
        {
            var offset = from + found + needle.Length - "aper\"".Length - 1; // the 'p' of "paper"
            Assert.Equal((byte)'p', file[offset]);
            FlipTo(offset, (byte)'q');
            flipped = IndexFile.Query(_corpus.Db, "SELECT 1 FROM record_originals WHERE instr(original, CAST('Tamper target qaper' AS BLOB)) > 0").Count == 1;
            if (!flipped) FlipTo(offset, (byte)'p');
        }
        Assert.True(flipped, "the record's stored bytes are in the file");
        var tampered = PithNumberOf(IndexedCorpus.TamperTitle);

        var result = Audit();
        result.AssertExit(1);
        Assert.Single(result.StdoutLines);
        var failure = result.StdoutLines[0];
        Assert.StartsWith($"FAIL {tampered} (current, imported from ", failure, StringComparison.Ordinal);
        Assert.Contains("bytes_sha256: the stored bytes have changed since they were imported", failure, StringComparison.Ordinal);
        Assert.Contains("title_hash: paper.title hashes to", failure, StringComparison.Ordinal);
        Assert.Contains("stored.title: the index says 'Tamper target paper', the record derives 'Tamper target qaper'", failure, StringComparison.Ordinal);
        Assert.EndsWith(": 1 records, 0 older copies, 0 variants and 0 bundles and state files failed", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    private void FlipTo(long offset, byte value)
    {
        using var stream = new FileStream(_corpus.Db, FileMode.Open, FileAccess.Write);
        stream.Position = offset;
        stream.WriteByte(value);
    }

    [Fact]
    public void Rows_changed_with_plain_sqlite_are_named_older_copies_included_and_json_lists_them()
    {
        var retitled = PithNumberOf("Strings on orbifolds");
        using (var connection = IndexFile.Open(_corpus.Db))
        {
            using var command = connection.CreateCommand();
            // A forged older copy (another record's bytes, with their hash) and a column edited behind pith's back.
            command.CommandText =
                """
                UPDATE record_history SET original = (SELECT o.original FROM records r JOIN record_originals o ON o.record_id = r.id WHERE r.title = 'Strings on orbifolds'),
                                          bytes_sha256 = (SELECT bytes_sha256 FROM records WHERE title = 'Strings on orbifolds');
                UPDATE records SET title = 'Strings on orbifolds (edited)' WHERE title = 'Strings on orbifolds';
                """;
            command.ExecuteNonQuery();
        }

        var result = Audit("--json");
        result.AssertExit(1);
        using var document = JsonDocument.Parse(Assert.Single(result.StdoutLines));
        var root = document.RootElement;
        var failures = root.GetProperty("failures").EnumerateArray().ToList();
        Assert.Equal(2, failures.Count);
        Assert.Equal(retitled, failures[0].GetProperty("pith_number").GetString());
        Assert.Equal("current", failures[0].GetProperty("copy").GetString());
        Assert.Equal("stored.title", Assert.Single(failures[0].GetProperty("problems").EnumerateArray()).GetProperty("check").GetString());
        Assert.Equal(_corpus.ReissuedPithNumber, failures[1].GetProperty("pith_number").GetString());
        Assert.Equal("history", failures[1].GetProperty("copy").GetString());
        Assert.Contains(failures[1].GetProperty("problems").EnumerateArray(), p => p.GetProperty("check").GetString() == "stored.pith_number");
        Assert.Equal(IndexedCorpus.Records, root.GetProperty("records").GetInt64());
        Assert.Equal(1, root.GetProperty("history_copies").GetInt64());
        Assert.Equal(1, root.GetProperty("failed_records").GetInt64());
        Assert.Equal(1, root.GetProperty("failed_history_copies").GetInt64());
    }

    [Fact]
    public void A_record_whose_stored_bytes_were_deleted_is_named_by_audit_and_stops_an_export()
    {
        // The bytes of a current record live in a table of their own: a row there deleted behind pith's back must not go unseen.
        var bereft = PithNumberOf("Strings on orbifolds");
        Assert.Equal(1, IndexFile.Execute(_corpus.Db, $"DELETE FROM record_originals WHERE record_id = (SELECT id FROM records WHERE pith_number = '{bereft}')"));

        var audit = Audit("--json");
        audit.AssertExit(1);
        using var document = JsonDocument.Parse(Assert.Single(audit.StdoutLines));
        var failure = Assert.Single(document.RootElement.GetProperty("failures").EnumerateArray());
        Assert.Equal(bereft, failure.GetProperty("pith_number").GetString());
        Assert.Equal("original", Assert.Single(failure.GetProperty("problems").EnumerateArray()).GetProperty("check").GetString());
        Assert.Equal(IndexedCorpus.Records, document.RootElement.GetProperty("records").GetInt64());

        var exported = Path.Combine(Path.GetDirectoryName(_corpus.Db)!, "export.jsonl");
        var export = _corpus.Run("export", "--out", exported);
        export.AssertExit(2);
        Assert.Equal($"pith: {_corpus.Db}: {bereft} has no stored bytes (pith audit lists what is damaged)", Assert.Single(export.StderrLines));
        Assert.False(File.Exists(exported));
    }

    [Fact]
    public void A_record_row_deleted_behind_pith_s_back_leaves_rows_referring_to_it_that_audit_names()
    {
        // Plain SQL deletes the row alone (foreign keys are not enforced there): its aliases, bytes and feed entry stay.
        Assert.Equal(1, IndexFile.Execute(_corpus.Db, "PRAGMA foreign_keys = OFF; DELETE FROM records WHERE id = (SELECT max(id) FROM records)"));

        var audit = Audit("--json");

        audit.AssertExit(1);
        using var document = JsonDocument.Parse(Assert.Single(audit.StdoutLines));
        var problem = Assert.Single(document.RootElement.GetProperty("index_problems").EnumerateArray());
        Assert.Equal("references", problem.GetProperty("check").GetString());
        Assert.Matches("^[0-9]+ rows refer to records or import runs the index does not hold", problem.GetProperty("reason").GetString());
        Assert.Empty(document.RootElement.GetProperty("failures").EnumerateArray());
    }

    [Fact]
    public void Records_signed_by_a_key_no_longer_trusted_fail()
    {
        var result = _corpus.Run("audit", "--quiet");
        result.AssertExit(1);
        Assert.Equal(IndexedCorpus.Generated + 1, result.StdoutLines.Count(l => l.StartsWith("FAIL ", StringComparison.Ordinal)));
        Assert.All(result.StdoutLines, l => Assert.Contains("receipt.key_id: 'pith-test-2026' is not a trusted key", l, StringComparison.Ordinal));
    }
}
