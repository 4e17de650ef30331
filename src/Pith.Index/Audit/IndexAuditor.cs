using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Pith.Core.Documents;
using Pith.Core.Identifiers;
using Pith.Core.Verification;
using Pith.Index.Sqlite;
using Pith.Inputs;
using Pith.Pipeline;

namespace Pith.Index.Audit;

/// <summary>
/// Re-verifies every stored copy (current records, older copies, the bundles and state files kept in
/// <c>record_documents</c>, and variants) from its stored bytes, to catch bit rot or tampering with the index file: the bytes still
/// hash to the stored <c>bytes_sha256</c>, the document still verifies against the trusted keys (a state file, which
/// carries no receipt, is accepted when consistent), its stored document type is what it is, and the columns the
/// index searches and resolves by (Pith number, code, digest, source, and for a current record its key id, signature,
/// unsigned mark, title and aliases) are still what it derives. A kept document must derive its record's Pith number.
/// Rows go through the verification pipeline, verified in parallel; failures are reported in storage order.
/// </summary>
public sealed class IndexAuditor(IndexDatabase database, RecordVerifier verifier, PipelineOptions options)
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(250);

    private const string TitleSearchCheck = "title_search";
    private const string ReferencesCheck = "references";

    private const string Columns = "r.id, r.pith_number, r.code, r.digest, r.year, r.source_kind, r.source_id, r.source_version, r.title, r.key_id, r.signature";

    // Per copy: its record's columns, then its own imported_from, bytes_sha256, original, document_type and unsigned mark,
    // read by these names.
    private static readonly (AuditedCopy Copy, string Sql)[] Passes =
    [
        (AuditedCopy.Current, $"SELECT {Columns}, r.imported_from, r.bytes_sha256, o.original, r.document_type, r.unsigned " +
                              "FROM records r LEFT JOIN record_originals o ON o.record_id = r.id ORDER BY r.id"),
        // Older copies are record documents only: a bundle or state file is never a copy of a record (see record_document_types).
        (AuditedCopy.History, $"SELECT {Columns}, h.imported_from, h.bytes_sha256, h.original, '{DocumentType.Record}' AS document_type, 0 AS unsigned " +
                              "FROM record_history h JOIN records r ON r.id = h.record_id ORDER BY h.id"),
        (AuditedCopy.Document, $"SELECT {Columns}, d.imported_from, d.bytes_sha256, d.original, d.document_type, d.document_type = '{DocumentType.State}' AS unsigned " +
                               "FROM record_documents d JOIN records r ON r.id = d.record_id ORDER BY d.id"),
        (AuditedCopy.Variant, $"SELECT {Columns}, v.imported_from, v.bytes_sha256, v.original, '{DocumentType.Record}' AS document_type, 0 AS unsigned " +
                              "FROM record_variants v JOIN records r ON r.id = v.record_id ORDER BY v.id"),
    ];

    public AuditSummary Run(Action<AuditFailure> onFailure, Action<AuditProgress>? progress = null, CancellationToken cancel = default)
    {
        try
        {
            return RunChecked(onFailure, progress, cancel);
        }
        catch (SqliteException e)
        {
            throw IndexDatabase.Describe(e, database.Path);
        }
    }

    private AuditSummary RunChecked(Action<AuditFailure> onFailure, Action<AuditProgress>? progress, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        // One read transaction: the audit sees one state of the index, even if an import is waiting to write.
        using var transaction = database.Connection.BeginTransaction(deferred: true);
        var indexProblems = IndexProblems();
        var total = database.Scalar<long>(
            "SELECT (SELECT count(*) FROM records) + (SELECT count(*) FROM record_history) + (SELECT count(*) FROM record_documents) + (SELECT count(*) FROM record_variants)");
        var done = new long[Passes.Length];
        var failed = new long[Passes.Length];
        var lastReport = TimeSpan.Zero;
        void Report(bool force)
        {
            if (progress is null || (!force && clock.Elapsed - lastReport < ProgressEvery)) return;
            lastReport = clock.Elapsed;
            progress(new AuditProgress(done.Sum(), total, failed.Sum(), clock.Elapsed));
        }

        // The rows are read on the pipeline's walk, verified by its workers, and compared here, in storage order.
        var pipeline = new VerificationPipeline(verifier, options with { InOrder = true, HashBytes = true, KeepAcceptedBytes = false });
        using (var run = pipeline.Start(StoredCopies(), static copy => copy.AsDocument(), cancel))
        {
            foreach (var verdict in run.ReadAll())
            {
                var copy = verdict.Item;
                var pass = (int)copy.Copy; // Passes are listed in AuditedCopy order: the tallies index by it.
                done[pass]++;
                var problems = Check(copy, verdict);
                if (problems.Count > 0)
                {
                    failed[pass]++;
                    onFailure(new AuditFailure(copy.PithNumber, copy.Copy, copy.DocumentType, copy.ImportedFrom, problems));
                }
                Report(force: false);
            }
        }
        Report(force: true);
        return new AuditSummary(done[0], done[1], done[2], failed[0], failed[1], failed[2], clock.Elapsed, cancel.IsCancellationRequested)
        {
            IndexProblems = indexProblems,
            Variants = done[3],
            FailedVariants = failed[3],
        };
    }

    /// <summary>Every stored copy, pass after pass, each in storage order (read on the pipeline's walk, inside the audit's read transaction).</summary>
    private IEnumerable<StoredCopy> StoredCopies()
    {
        using var aliases = database.Connection.CreateCommand();
        aliases.CommandText = "SELECT kind, value, normalized FROM aliases WHERE record_id = $id ORDER BY kind";
        var aliasId = aliases.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        foreach (var (copyKind, sql) in Passes)
        {
            using var command = database.Connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
                yield return StoredCopy.Read(reader, copyKind, copyKind == AuditedCopy.Current ? ReadAliases(aliases, aliasId, reader.GetFieldValue<long>(reader.GetOrdinal("id"))) : null);
        }
    }

    /// <summary>
    /// What is wrong with the index beside its copies: the title search left incomplete by a stopped import, or not
    /// agreeing with the titles; rows that refer to rows it does not hold (both: the file changed outside pith).
    /// </summary>
    private List<(string Check, string Reason)> IndexProblems()
    {
        var problems = new List<(string, string)>();
        if (BulkLoadSchema.Unfinished(database) is { } why) problems.Add((TitleSearchCheck, why));
        else
        {
            // Every record is a document of the search and nothing else is: FTS5 keeps one records_fts_docsize row per document.
            // (Read only: FTS5's own 'integrity-check' is an INSERT, which a reading connection may not run. It would also
            // catch an edit inside the search's index; this catches a record taken out of the search or one added to it.)
            var strays = database.Scalar<long>(
                """
                SELECT (SELECT count(*) FROM records r WHERE NOT EXISTS (SELECT 1 FROM records_fts_docsize d WHERE d.id = r.id))
                     + (SELECT count(*) FROM records_fts_docsize d WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.id = d.id))
                """);
            if (strays > 0)
                problems.Add((TitleSearchCheck, $"the title search (records_fts) does not agree with the records: {strays} documents missing or extra (the file was changed outside pith)"));
        }
        // A record's row deleted leaves its aliases, original and feed entries behind; a later record given its id would
        // then collide with them, and every import after it fail.
        var dangling = database.Scalar<long>("SELECT count(*) FROM pragma_foreign_key_check");
        if (dangling > 0)
        {
            problems.Add((ReferencesCheck,
                $"{dangling} rows refer to records or import runs the index does not hold (PRAGMA foreign_key_check; the file was changed outside pith)"));
        }
        return problems;
    }

    private static List<(string Kind, string Value, string Normalized)> ReadAliases(SqliteCommand command, SqliteParameter id, long recordId)
    {
        id.Value = recordId;
        using var reader = command.ExecuteReader();
        // An alias row of the wrong type shows as an alias the record does not derive.
        var columns = new StoredColumns(reader);
        var list = new List<(string, string, string)>();
        while (reader.Read()) list.Add((columns.Text("kind"), columns.Text("value"), columns.Text("normalized")));
        return list;
    }

    /// <summary>Every problem with one stored copy, given the pipeline's verdict on its bytes; none when it is sound.</summary>
    private static List<(string Check, string Reason)> Check(StoredCopy copy, DocumentVerdict<StoredCopy> found)
    {
        var problems = new List<(string, string)>(copy.TypeProblems.Select(p => ("stored." + p.Column, p.Reason)));
        void Compare(string column, string? stored, string? derived)
        {
            if (!string.Equals(stored, derived, StringComparison.Ordinal))
                problems.Add(("stored." + column, $"the index says {Show(stored)}, the record derives {Show(derived)}"));
        }

        // The bytes of a current record are kept in a table of their own: a row may have lost them.
        if (copy.Original is null)
        {
            problems.Add(("original", "the index holds no stored bytes for this record"));
            return problems;
        }
        if (found.Unreadable is { } failure)
        {
            problems.Add((CheckName.Read, failure));
            return problems;
        }
        var sha = found.BytesSha256!;
        if (!sha.AsSpan().SequenceEqual(copy.BytesSha256))
        {
            problems.Add(("bytes_sha256", $"the stored bytes have changed since they were imported (they hash to {Convert.ToHexStringLower(sha)}, " +
                                          $"the index recorded {Convert.ToHexStringLower(copy.BytesSha256)})"));
        }
        var verdict = found.Result!;
        // A state file is accepted as it was imported: consistent, unsigned (a row that claims so must be a state file: below).
        if (!verdict.Accepted(allowUnsigned: copy.Unsigned))
        {
            var failures = verdict.Checks.Where(c => c.Status == CheckStatus.Fail).ToList();
            if (failures.Count == 0 && verdict.Reason is { } reason) failures.Add(reason);
            problems.AddRange(failures.Select(c => (c.Name, c.Detail)));
        }
        Compare("document_type", copy.DocumentType, verdict.DocumentType);
        // Only a state file's row is unsigned: a signed document's row must not claim it, nor a state file's row claim a signature.
        // (A kept document's mark is its stored type: compared just above.)
        if (copy.Copy != AuditedCopy.Document) Compare("unsigned", copy.Unsigned ? "1" : "0", verdict.DocumentType == DocumentType.State ? "1" : "0");
        if (verdict.Record is { } record) CompareColumns(copy, record, verdict.KeyId, Compare);
        return problems;
    }

    /// <summary>The columns the index looks records up by must be what the stored document derives.</summary>
    private static void CompareColumns(StoredCopy copy, VerifiedRecord record, string? keyId, Action<string, string?, string?> compare)
    {
        compare("pith_number", copy.PithNumber, record.PithNumber.ToString());
        // A kept bundle or state file is one more source of its record: it must be of that record; the columns are the record's business.
        if (copy.Copy == AuditedCopy.Document) return;
        compare("code", copy.Code, record.PithNumber.Code);
        compare("digest", Convert.ToHexStringLower(copy.Digest), record.DigestHex);
        compare("year", copy.Year, record.PithNumber.Year);
        compare("source", $"{copy.SourceKind} {copy.SourceId} v{copy.SourceVersion}", $"{record.SourceKind} {record.SourceId} v{record.SourceVersion}");
        if (copy.Aliases is null) return; // An older copy or a variant: its key, signature and title are the current record's business.
        // An unsigned row (a state file's) stores '' for the key id and signature it does not have.
        compare("key_id", copy.KeyId, keyId ?? "");
        compare("signature", copy.Signature, record.SignatureB64 ?? "");
        compare("title", copy.Title, record.Title);
        var derived = record.Aliases.Select(a => $"{a.Kind}={a.Value} ({PithAliases.NormalizeForLookup(a.Kind, a.Value)})").Order(StringComparer.Ordinal);
        var stored = copy.Aliases.Select(a => $"{a.Kind}={a.Value} ({a.Normalized})").Order(StringComparer.Ordinal);
        compare("aliases", string.Join(", ", stored), string.Join(", ", derived));
    }

    private static string Show(string? value) => value is null ? "nothing" : $"'{value}'";

    /// <summary>
    /// One stored copy as read, with its record's columns (and, for a current record, its alias rows), and what was
    /// wrong with their types: a value of the wrong type is read as well as it can be and reported, never thrown.
    /// </summary>
    private sealed record StoredCopy(
        AuditedCopy Copy, string PithNumber, string Code, byte[] Digest, string Year, string SourceKind, string SourceId, long SourceVersion,
        string? Title, string KeyId, string Signature, string ImportedFrom, byte[] BytesSha256, byte[]? Original, string DocumentType, bool Unsigned,
        IReadOnlyList<(string Kind, string Value, string Normalized)>? Aliases, IReadOnlyList<(string Column, string Reason)> TypeProblems)
    {
        public static StoredCopy Read(SqliteDataReader reader, AuditedCopy copy, IReadOnlyList<(string, string, string)>? aliases)
        {
            var c = new StoredColumns(reader);
            return new(copy, c.Text("pith_number"), c.Text("code"), c.Blob("digest"), c.Text("year"), c.Text("source_kind"),
                c.Text("source_id"), c.Integer("source_version"), c.OptionalText("title"), c.Text("key_id"),
                c.Text("signature"), c.Text("imported_from"), c.Blob("bytes_sha256"), c.OptionalBlob("original"),
                c.Text("document_type"), c.Integer("unsigned") != 0, aliases, c.Problems);
        }

        /// <summary>The copy as the pipeline reads it: its stored bytes, named by its Pith number.</summary>
        public InputDocument AsDocument() =>
            Original is { } bytes ? new InputDocument(PithNumber) { Bytes = bytes } : new InputDocument(PithNumber) { Unreadable = "no stored bytes" };
    }
}
