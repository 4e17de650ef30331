using Microsoft.Data.Sqlite;
using Xunit;

namespace Pith.Index.Tests;

/// <summary>An index written by an older pith is migrated in place, its records kept and read as what they were.</summary>
public sealed class MigrationsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pith-migrations-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_version_1_index_keeps_its_records_as_record_documents_signed()
    {
        var path = Path.Combine(_folder.FullName, "v1.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Migrations.Steps[0] + """
                ;PRAGMA user_version = 1;
                INSERT INTO import_runs (started_at, sources) VALUES ('2026-01-01T00:00:00Z', '[]');
                INSERT INTO records (pith_number, code, digest, year, source_kind, source_id, source_version, key_id, signature,
                                     imported_at, imported_from, run_id, bytes_sha256, original)
                VALUES ('pith:2023:3V7SYW4G2357KRLWH4ESWW6RSL', '3V7SYW4G2357KRLWH4ESWW6RSL', x'00', '2023', 'arxiv', '2310.05918', 1,
                        'pith-v1-2026-05', 'c2ln', '2026-01-01T00:00:00Z', 'r.json', 1, x'01', x'7b7d');
                """;
            command.ExecuteNonQuery();
        }

        using var db = IndexDatabase.Open(path);

        Assert.Equal(Migrations.Latest, db.Scalar<long>("PRAGMA user_version"));
        Assert.Equal("pith_number_record 0", db.Scalar<string>("SELECT document_type || ' ' || unsigned FROM records"));
        Assert.Equal("1 pith_number_record", db.Scalar<string>("SELECT group_concat(record_id || ' ' || document_type) FROM record_document_types"));
        Assert.Equal(0, db.Scalar<long>("SELECT count(*) FROM record_documents"));
    }
}
