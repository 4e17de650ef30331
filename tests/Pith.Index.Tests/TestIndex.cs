using System.Text.Json.Nodes;
using Pith.Core.Verification;
using Pith.Index.Import;
using Pith.Testing;

namespace Pith.Index.Tests;

/// <summary>A real index file in a fresh temp folder, filled by the real importer with records signed by the test key.</summary>
public sealed class TestIndex : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pith-index-");
    private int _files;

    public TestIndex() => Path = System.IO.Path.Combine(_folder.FullName, "index.db");

    public string Path { get; }

    public static RecordVerifier Verifier { get; } = new(TestKey.Default.OnlyThis());

    /// <summary>Imports <paramref name="records"/> (each written to a file of its own) in one run.</summary>
    public ImportSummary Import(params JsonObject[] records) => Import(null, records.Select(RecordFactory.ToBytes).ToArray());

    /// <summary>Imports <paramref name="documents"/> (each in a file of its own, in this input order) in one run; the clock may be set.</summary>
    public ImportSummary Import(TimeProvider? clock, params byte[][] documents)
    {
        var folder = Directory.CreateDirectory(System.IO.Path.Combine(_folder.FullName, $"run{_files++}")).FullName;
        for (var i = 0; i < documents.Length; i++) File.WriteAllBytes(System.IO.Path.Combine(folder, $"{i:D4}.json"), documents[i]);
        using var database = IndexDatabase.Open(Path);
        return new Importer(database, Verifier, new ImportOptions { Pipeline = new() { Workers = 2 }, Clock = clock ?? TimeProvider.System }).Run([folder]);
    }

    public IndexDatabase Open() => IndexDatabase.Open(Path, create: false);

    /// <summary>
    /// Takes away what migrations 6 and later made (the feed, the kept counts, variants), so that the index is as a
    /// schema 5 pith left it, records and all: opening it for writing migrates it again.
    /// </summary>
    public void AsSchema5()
    {
        using var database = Open();
        foreach (var table in new[] { "records", "history", "documents" })
            database.Execute($"DROP TRIGGER index_counts_{table}_insert; DROP TRIGGER index_counts_{table}_delete");
        database.Execute(
            """
            DROP TABLE index_counts; DROP TABLE document_feed; DROP TABLE feed_identity; DROP TABLE sync_sources;
            DROP VIEW record_document_types; DROP TABLE record_variants; ALTER TABLE import_runs DROP COLUMN variants;
            CREATE VIEW record_document_types (record_id, document_type) AS
                SELECT id, document_type FROM records
                UNION SELECT record_id, 'pith_number_record' FROM record_history
                UNION SELECT record_id, document_type FROM record_documents;
            PRAGMA user_version = 5;
            """);
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
