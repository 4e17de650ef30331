using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Pith.Core.Identifiers;
using Pith.Core.Verification;

namespace Pith.Index.Audit;

/// <summary>
/// Re-verifies every stored copy (current records and older copies) from its stored bytes, to catch bit rot or
/// tampering with the index file: the bytes still hash to the stored <c>bytes_sha256</c>, the record still verifies
/// against the trusted keys, and the columns the index searches and resolves by (Pith number, code, digest, source,
/// and for a current record its key id, signature, title and aliases) are still what the record derives. Rows are
/// read by one thread and verified in parallel, in bounded batches; failures are reported in storage order.
/// </summary>
public sealed class IndexAuditor(IndexDatabase database, RecordVerifier verifier, int jobs)
{
    private const int BatchRows = 256;
    private const long BatchBytes = 32L << 20;
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(250);

    private const string Columns = "r.id, r.pith_number, r.code, r.digest, r.year, r.source_kind, r.source_id, r.source_version, r.title, r.key_id, r.signature";

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
        var total = database.Scalar<long>("SELECT (SELECT count(*) FROM records) + (SELECT count(*) FROM record_history)");
        var tally = new long[4]; // records, older copies, failed records, failed older copies
        var lastReport = TimeSpan.Zero;
        void Report(bool force)
        {
            if (progress is null || (!force && clock.Elapsed - lastReport < ProgressEvery)) return;
            lastReport = clock.Elapsed;
            progress(new AuditProgress(tally[0] + tally[1], total, tally[2] + tally[3], clock.Elapsed));
        }

        using var aliases = database.Connection.CreateCommand();
        aliases.CommandText = "SELECT kind, value, normalized FROM aliases WHERE record_id = $id ORDER BY kind";
        var aliasId = aliases.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        foreach (var history in new[] { false, true })
        {
            var sql = history
                ? $"SELECT {Columns}, h.imported_from, h.bytes_sha256, h.original FROM record_history h JOIN records r ON r.id = h.record_id ORDER BY h.id"
                : $"SELECT {Columns}, r.imported_from, r.bytes_sha256, r.original FROM records r ORDER BY r.id";
            using var command = database.Connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var batch = new List<StoredCopy>(BatchRows);
            var more = true;
            while (more && !cancel.IsCancellationRequested)
            {
                batch.Clear();
                long bytes = 0;
                while (batch.Count < BatchRows && bytes < BatchBytes && (more = reader.Read()))
                {
                    var copy = StoredCopy.Read(reader, history ? null : ReadAliases(aliases, aliasId, reader.GetInt64(0)));
                    bytes += copy.Original.Length;
                    batch.Add(copy);
                }
                var problems = new List<(string, string)>[batch.Count];
                Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, i => problems[i] = Check(batch[i]));
                for (var i = 0; i < batch.Count; i++)
                {
                    tally[history ? 1 : 0]++;
                    if (problems[i].Count == 0) continue;
                    tally[history ? 3 : 2]++;
                    onFailure(new AuditFailure(batch[i].PithNumber, history, batch[i].ImportedFrom, problems[i]));
                }
                Report(force: false);
            }
        }
        Report(force: true);
        return new AuditSummary(tally[0], tally[1], tally[2], tally[3], clock.Elapsed, cancel.IsCancellationRequested);
    }

    private static List<(string Kind, string Value, string Normalized)> ReadAliases(SqliteCommand command, SqliteParameter id, long recordId)
    {
        id.Value = recordId;
        using var reader = command.ExecuteReader();
        var list = new List<(string, string, string)>();
        while (reader.Read()) list.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return list;
    }

    /// <summary>Every problem with one stored copy; none when it is sound.</summary>
    private List<(string Check, string Reason)> Check(StoredCopy copy)
    {
        var problems = new List<(string, string)>();
        var sha = SHA256.HashData(copy.Original);
        if (!sha.AsSpan().SequenceEqual(copy.BytesSha256))
        {
            problems.Add(("bytes_sha256", $"the stored bytes have changed since they were imported (they hash to {Convert.ToHexStringLower(sha)}, " +
                                          $"the index recorded {Convert.ToHexStringLower(copy.BytesSha256)})"));
        }
        var verdict = verifier.Verify(copy.Original);
        if (!verdict.Valid)
        {
            var failed = verdict.Checks.Where(c => c.Status == CheckStatus.Fail).ToList();
            if (failed.Count == 0 && verdict.Reason is { } reason) failed.Add(reason);
            problems.AddRange(failed.Select(c => (c.Name, c.Detail)));
        }
        if (verdict.Record is { } record) CompareColumns(copy, record, verdict.KeyId, problems);
        return problems;
    }

    /// <summary>The columns the index looks records up by must be what the stored record derives.</summary>
    private static void CompareColumns(StoredCopy copy, VerifiedRecord record, string? keyId, List<(string, string)> problems)
    {
        void Compare(string column, string? stored, string? derived)
        {
            if (!string.Equals(stored, derived, StringComparison.Ordinal))
                problems.Add(("stored." + column, $"the index says {Show(stored)}, the record derives {Show(derived)}"));
        }

        Compare("pith_number", copy.PithNumber, record.PithNumber.ToString());
        Compare("code", copy.Code, record.PithNumber.Code);
        Compare("digest", Convert.ToHexStringLower(copy.Digest), record.DigestHex);
        Compare("year", copy.Year, record.PithNumber.Year);
        Compare("source", $"{copy.SourceKind} {copy.SourceId} v{copy.SourceVersion}", $"{record.SourceKind} {record.SourceId} v{record.SourceVersion}");
        if (copy.Aliases is null) return; // An older copy: its key, signature and title are the current record's business.
        Compare("key_id", copy.KeyId, keyId);
        Compare("signature", copy.Signature, record.SignatureB64);
        Compare("title", copy.Title, record.Title);
        var derived = record.Aliases.Select(a => $"{a.Kind}={a.Value} ({PithAliases.NormalizeForLookup(a.Kind, a.Value)})").Order(StringComparer.Ordinal);
        var stored = copy.Aliases.Select(a => $"{a.Kind}={a.Value} ({a.Normalized})").Order(StringComparer.Ordinal);
        Compare("aliases", string.Join(", ", stored), string.Join(", ", derived));
    }

    private static string Show(string? value) => value is null ? "nothing" : $"'{value}'";

    /// <summary>One stored copy as read, with its record's columns (and, for a current record, its alias rows).</summary>
    private sealed record StoredCopy(
        string PithNumber, string Code, byte[] Digest, string Year, string SourceKind, string SourceId, long SourceVersion,
        string? Title, string KeyId, string Signature, string ImportedFrom, byte[] BytesSha256, byte[] Original,
        IReadOnlyList<(string Kind, string Value, string Normalized)>? Aliases)
    {
        public static StoredCopy Read(SqliteDataReader reader, IReadOnlyList<(string, string, string)>? aliases) =>
            new(reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetInt64(7), reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetString(9),
                reader.GetString(10), reader.GetString(11), (byte[])reader.GetValue(12), (byte[])reader.GetValue(13), aliases);
    }
}
