using Pith.Core.Identifiers;
using Pith.Index.Query;
using Xunit;

namespace Pith.Index.Tests.Query;

/// <summary>
/// Resolution rules on rows written straight into a real index file: cases an import of signed records cannot
/// easily make (two records of the same version of a paper), checked without a process.
/// </summary>
public sealed class AliasResolverTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pith-resolver-");
    private readonly string _path;

    public AliasResolverTests()
    {
        _path = Path.Combine(_folder.FullName, "index.db");
        using var db = IndexDatabase.Open(_path);
        db.Execute("INSERT INTO import_runs (id, started_at, sources) VALUES (1, 'now', '[]')");
        Insert(db, 1, "2401.00001", 1, "AAAAAAAABBBBCCCCDDDDEEEEFF");
        Insert(db, 2, "2401.00001", 2, "BAAAAAAABBBBCCCCDDDDEEEEFF");
        // The resolver made a second canonical record of the same version (other metadata): two Pith numbers.
        Insert(db, 3, "2401.00001", 2, "CAAAAAAABBBBCCCCDDDDEEEEFF");
        Insert(db, 4, "hep-th/9901001", 1, "DAAAAAAABBBBCCCCDDDDEEEEFF");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static void Insert(IndexDatabase db, long id, string sourceId, int version, string code)
    {
        var number = new PithNumber("2024", code);
        db.Execute(
            $"""
            INSERT INTO records (id, pith_number, code, digest, year, source_kind, source_id, source_version, key_id, signature,
                                 imported_at, imported_from, run_id, bytes_sha256)
            VALUES ({id}, '{number}', '{code}', x'00', '2024', 'arxiv', '{sourceId}', {version}, 'k', 's', 'now', 'f', 1, x'00');
            INSERT INTO record_originals (record_id, original) VALUES ({id}, x'7b7d');
            """);
        foreach (var alias in PithAliases.Derive(sourceId, version, number))
            db.Execute($"INSERT INTO aliases VALUES ({id}, '{alias.Kind}', '{alias.Value}', '{PithAliases.NormalizeForLookup(alias.Kind, alias.Value)}')");
    }

    private Resolution Resolve(string alias, bool all = false)
    {
        using var reader = IndexReader.Open(_path);
        using var resolver = new AliasResolver(reader);
        return resolver.Resolve(alias, all);
    }

    [Fact]
    public void Two_records_of_the_newest_version_are_ambiguous_never_a_silent_pick()
    {
        foreach (var alias in new[] { "2401.00001", "2401.00001v2", "10.48550/arXiv.2401.00001" })
        {
            var resolution = Resolve(alias);
            Assert.Equal(ResolutionStatus.Ambiguous, resolution.Status);
            Assert.Equal(["pith:2024:BAAAAAAABBBBCCCCDDDDEEEEFF", "pith:2024:CAAAAAAABBBBCCCCDDDDEEEEFF"], resolution.Matches.Select(m => m.PithNumber));
            Assert.Equal("ambiguous: 2 records match", resolution.Reason);
        }
        Assert.Equal(ResolutionStatus.Resolved, Resolve("2401.00001v1").Status);
    }

    [Fact]
    public void All_versions_lists_every_record_of_the_paper_by_version()
    {
        var resolution = Resolve("arXiv:2401.00001", all: true);
        Assert.Equal(ResolutionStatus.Resolved, resolution.Status);
        Assert.Equal([1L, 2, 2], resolution.Matches.Select(m => m.Version));
    }

    [Fact]
    public void Each_kind_looks_in_its_own_place()
    {
        Assert.Equal(4, Assert.Single(Resolve("pith:2024:DAAAAAAABBBBCCCCDDDDEEEEFF").Matches).Id);
        Assert.Equal(4, Assert.Single(Resolve("daaaaaaabbbbccccddddeeeeff").Matches).Id);
        Assert.Equal(4, Assert.Single(Resolve("DAAAAAAABBBB").Matches).Id);
        Assert.Equal(4, Assert.Single(Resolve("HEP-TH/9901001").Matches).Id);
        Assert.Equal(1, Assert.Single(Resolve("pith:aaaaaaaa").Matches).Id);
        // The same code under another year is another Pith number: not in the index.
        Assert.Equal(ResolutionStatus.NotFound, Resolve("pith:2023:DAAAAAAABBBBCCCCDDDDEEEEFF").Status);
    }
}
