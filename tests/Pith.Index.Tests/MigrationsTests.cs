using Microsoft.Data.Sqlite;
using Pith.Index.Query;
using Xunit;

namespace Pith.Index.Tests;

/// <summary>An index written by an older pith is migrated in place, its records kept and read as what they were.</summary>
public sealed class MigrationsTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pith-migrations-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void What_a_bulk_load_drops_and_restores_is_what_the_migrations_made()
    {
        var path = Path.Combine(_folder.FullName, "new.db");
        using var db = IndexDatabase.Open(path);
        var made = BulkLoadSchema.TitleSearchTriggers.Concat(BulkLoadSchema.CountTriggers).Concat(BulkLoadSchema.DeferredIndexes).ToArray();
        foreach (var (name, create) in made)
        {
            // SQLite keeps a CREATE statement as written, less its IF NOT EXISTS.
            Assert.Equal(create.Replace("IF NOT EXISTS ", "", StringComparison.Ordinal), db.Scalar<string>($"SELECT sql FROM sqlite_master WHERE name = '{name}'"));
        }
        // The migrations' only other triggers and index are ones a bulk load keeps (rejects are few; a bulk load deletes nothing).
        string[] kept = ["rejects_run", "index_counts_records_delete", "index_counts_history_delete", "index_counts_documents_delete"];
        Assert.Equal(string.Join(",", made.Select(m => m.Name).Concat(kept).Order(StringComparer.Ordinal)),
            db.Scalar<string>("SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type IN ('trigger', 'index') AND sql IS NOT NULL ORDER BY name)"));
    }

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
    [Fact]
    public void A_version_3_index_is_refused_by_every_reader_until_an_import_moves_the_stored_bytes_out_of_records()
    {
        const string number = "pith:2023:3V7SYW4G2357KRLWH4ESWW6RSL";
        var path = Path.Combine(_folder.FullName, "v3.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Join(";\n", Migrations.Steps.Take(3)) + $"""
                ;PRAGMA user_version = 3;
                INSERT INTO import_runs (started_at, sources) VALUES ('2026-01-01T00:00:00Z', '[]');
                INSERT INTO records (pith_number, code, digest, year, source_kind, source_id, source_version, title, key_id, signature,
                                     imported_at, imported_from, run_id, bytes_sha256, original)
                VALUES ('{number}', '3V7SYW4G2357KRLWH4ESWW6RSL', x'00', '2023', 'arxiv', '2310.05918', 1, 'Strings on orbifolds',
                        'pith-v1-2026-05', 'c2ln', '2026-01-01T00:00:00Z', 'r.json', 1, x'01', CAST('[1]' AS BLOB));
                INSERT INTO aliases VALUES (1, 'arxiv', '2310.05918', '2310.05918');
                """;
            command.ExecuteNonQuery();
        }
        var match = new RecordMatch(1, number, "2310.05918", 1);
        // A reader never migrates, and reads no schema but the latest: show and resolve refuse it as stats does.
        var before = File.ReadAllBytes(path);
        var refusal = $"{path} was written by an older pith (schema 3; this one reads {Migrations.Latest}): an import into it upgrades it; nothing was changed";
        foreach (var open in new Func<IDisposable>[] { () => IndexReader.Open(path), () => IndexDatabase.OpenReadOnly(path) })
        {
            var e = Assert.Throws<IndexUnavailableException>(() => open().Dispose());
            Assert.Equal((IndexUnavailableKind.OlderSchema, refusal), (e.Kind, e.Message));
        }
        Assert.Equal(before, File.ReadAllBytes(path));

        using (var db = IndexDatabase.Open(path))
        {
            Assert.Equal(Migrations.Latest, db.Scalar<long>("PRAGMA user_version"));
            Assert.Equal(0, db.Scalar<long>("SELECT count(*) FROM pragma_table_info('records') WHERE name = 'original'"));
            Assert.Equal("1 5B315D", db.Scalar<string>("SELECT record_id || ' ' || hex(original) FROM record_originals"));
            // The rebuilt table has its indexes, search triggers and view back, and the search holds its titles.
            Assert.Equal(6, db.Scalar<long>(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('records_code', 'records_source', 'records_fts_insert', 'records_fts_delete', " +
                "'records_fts_update', 'record_document_types')"));
            Assert.Equal(1, db.Scalar<long>("SELECT rowid FROM records_fts WHERE records_fts MATCH 'orbifolds'"));
            Assert.Equal("records", db.Scalar<string>("SELECT \"table\" FROM pragma_foreign_key_list('aliases')"));
        }
        using (var reader = IndexReader.Open(path)) Assert.Equal("[1]"u8.ToArray(), reader.ReadRecord(match).Original);
    }

    [Fact]
    public void An_index_with_a_row_that_refers_to_no_record_is_not_upgraded_and_left_as_it_was()
    {
        var path = Path.Combine(_folder.FullName, "orphan.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=false;Foreign Keys=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // An alias of record 7, which is not there: written with foreign keys off, as only a hand edit could.
            command.CommandText = string.Join(";\n", Migrations.Steps.Take(3)) +
                ";PRAGMA user_version = 3; INSERT INTO aliases VALUES (7, 'arxiv', '2310.05918', '2310.05918');";
            command.ExecuteNonQuery();
        }
        var before = File.ReadAllBytes(path);

        var e = Assert.Throws<IndexUnavailableException>(() => IndexDatabase.Open(path));

        Assert.Equal($"{path} has rows that refer to rows it does not hold (PRAGMA foreign_key_check); it was not upgraded to schema {Migrations.Latest} " +
                     "and was not modified", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
    }
}
