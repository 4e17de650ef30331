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

    public void Dispose() => _folder.Delete(recursive: true);
}
