using System.Text.Json;
using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Resolve;

/// <summary>
/// A short code two records share is ambiguous: every match is listed, none is picked, exit 1. Two real records whose
/// codes share 8 characters (40 bits) would take about 2^20 signed records to find by search: instead a copy of the
/// index gets a second record row, with a code made to share the seed's first 8 characters, and its aliases, written
/// with SQLite directly.
/// </summary>
[Collection(ResolveIndexCollection.Name)]
public sealed class ResolveAmbiguityTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ResolveIndex.Indexed _seed;
    private readonly string _db;
    private readonly string _twin;

    public ResolveAmbiguityTests(ResolveIndex index)
    {
        _seed = index.Seeds[0];
        _db = Path.Combine(_temp.Root, "index.db");
        File.Copy(index.Db, _db);
        var code = _seed.Code[..8] + "ABCDEFGHIJKLMNOPQR";
        _twin = "pith:2020:" + code;
        using var connection = IndexFile.Open(_db);
        using var insert = connection.CreateCommand();
        insert.CommandText =
            """
            INSERT INTO records (pith_number, code, digest, year, source_kind, source_id, source_version, title, key_id, signature,
                                 updated_at, imported_at, imported_from, run_id, bytes_sha256)
            SELECT $number, $code, digest, '2020', source_kind, '2001.00077', 1, 'The twin', key_id, signature,
                   updated_at, imported_at, 'twin.json', run_id, bytes_sha256
            FROM records WHERE pith_number = $seed;
            INSERT INTO record_originals (record_id, original)
            SELECT last_insert_rowid(), o.original FROM records r JOIN record_originals o ON o.record_id = r.id WHERE r.pith_number = $seed;
            INSERT INTO aliases (record_id, kind, value, normalized)
            VALUES (last_insert_rowid(), 'pith_short_8', substr($code, 1, 8), substr($code, 1, 8)),
                   (last_insert_rowid(), 'pith_short_12', substr($code, 1, 12), substr($code, 1, 12)),
                   (last_insert_rowid(), 'pith_short_16', substr($code, 1, 16), substr($code, 1, 16)),
                   (last_insert_rowid(), 'arxiv', '2001.00077', '2001.00077');
            """;
        insert.Parameters.AddWithValue("$number", _twin);
        insert.Parameters.AddWithValue("$code", code);
        insert.Parameters.AddWithValue("$seed", _seed.PithNumber);
        insert.ExecuteNonQuery();
    }

    public void Dispose() => _temp.Dispose();

    private PithResult Run(string command, params string[] args) => PithProcess.Run([command, "--db", _db, .. args]);

    [Fact]
    public void SharedShortCode_Ambiguous_EveryMatchListed_Exit1_LongerCodesStillResolve()
    {
        var result = Run("resolve", _seed.Code[..8].ToLowerInvariant(), _seed.Code[..12], "pith:" + _seed.Code[..8], "2001.00077");

        result.AssertExit(1);
        var twinFirst = string.CompareOrdinal(_twin, _seed.PithNumber) < 0;
        var listed = twinFirst
            ? $"{_twin} (2001.00077v1), {_seed.PithNumber} ({_seed.SourceId}v{_seed.Version})"
            : $"{_seed.PithNumber} ({_seed.SourceId}v{_seed.Version}), {_twin} (2001.00077v1)";
        Assert.Equal(
        [
            $"pith: {_seed.Code[..8].ToLowerInvariant()}: ambiguous: 2 records match: {listed}",
            $"pith: pith:{_seed.Code[..8]}: ambiguous: 2 records match: {listed}",
        ], result.StderrLines);
        Assert.Equal([_seed.PithNumber, _twin], result.StdoutLines);
    }

    [Fact]
    public void SharedShortCode_InJson_StatusAmbiguous_BothMatches()
    {
        var result = Run("resolve", "--json", _seed.Code[..8]);

        result.AssertExit(1);
        using var json = JsonDocument.Parse(Assert.Single(result.StdoutLines));
        Assert.Equal("ambiguous", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("ambiguous: 2 records match", json.RootElement.GetProperty("reason").GetString());
        Assert.Equal(new[] { _seed.PithNumber, _twin }.Order(StringComparer.Ordinal),
            json.RootElement.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("pith_number").GetString()));
    }

    [Fact]
    public void Show_OfASharedShortCode_PicksNone_Exit1()
    {
        var result = Run("show", _seed.Code[..8]);

        result.AssertExit(1);
        Assert.Equal("", result.Stdout);
        Assert.StartsWith($"pith: {_seed.Code[..8]}: ambiguous: 2 records match: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }
}
