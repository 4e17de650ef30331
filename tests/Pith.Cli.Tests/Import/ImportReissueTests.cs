using System.Text.Json.Nodes;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Import;

/// <summary>
/// A record reissued by the resolver: the same Pith number (same canonical record) with different bytes and a newer
/// <c>updated_at</c>. The newer copy is current, the older kept in history, whatever order they arrive in.
/// </summary>
public sealed class ImportReissueTests : IDisposable
{
    private const string OldUpdatedAt = "2026-07-05T06:58:51.293543+00:00";
    private const string NewUpdatedAt = "2026-09-14T10:00:00Z";

    private readonly TempFolder _temp = new();
    private readonly string _keys;
    private readonly byte[] _old;
    private readonly byte[] _new;
    private readonly string _oldPath;
    private readonly string _newPath;
    private readonly string _pithNumber;

    public ImportReissueTests()
    {
        _keys = PithImport.WriteTestKey(_temp);
        var old = RecordFactory.Create(TestKey.Default, updatedAt: OldUpdatedAt);
        // The reissue changes only what is outside the canonical record: a display field and the stamp.
        var reissued = RecordFactory.Create(TestKey.Default, updatedAt: NewUpdatedAt);
        reissued["inbound_citations"] = new JsonObject { ["count"] = 7, ["as_of"] = NewUpdatedAt };
        RecordFactory.Resign(reissued, TestKey.Default);
        _pithNumber = old["pith_number"]!.GetValue<string>();
        Assert.Equal(_pithNumber, reissued["pith_number"]!.GetValue<string>());
        _old = RecordFactory.ToBytes(old);
        _new = RecordFactory.ToBytes(reissued);
        Assert.NotEqual(_old, _new);
        _oldPath = _temp.Write(Path.Combine("copies", "a-old.json"), _old);
        _newPath = _temp.Write(Path.Combine("copies", "b-new.json"), _new);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void OlderThenNewer_NewerBecomesCurrent_OlderGoesToHistory()
    {
        var db = Path.Combine(_temp.Root, "old-first.db");

        var first = Import(db, _oldPath);
        var second = Import(db, _newPath);

        Assert.Equal([1L, 0, 0, 0, 0], first);
        Assert.Equal([0L, 1, 0, 0, 0], second);
        AssertNewerCurrent_OlderInHistory(db);
    }

    [Fact]
    public void NewerThenOlder_OlderGoesStraightToHistory()
    {
        var db = Path.Combine(_temp.Root, "new-first.db");

        var first = Import(db, _newPath);
        var second = Import(db, _oldPath);

        Assert.Equal([1L, 0, 0, 0, 0], first);
        Assert.Equal([0L, 0, 0, 1, 0], second);
        AssertNewerCurrent_OlderInHistory(db);
    }

    [Fact]
    public void EitherOrder_AndBothInOneRun_EndInTheSameState_AndRerunsChangeNothing()
    {
        var oldFirst = Path.Combine(_temp.Root, "old-first.db");
        var newFirst = Path.Combine(_temp.Root, "new-first.db");
        var together = Path.Combine(_temp.Root, "together.db");
        Import(oldFirst, _oldPath);
        Import(oldFirst, _newPath);
        Import(newFirst, _newPath);
        Import(newFirst, _oldPath);

        var both = Import(together, Path.Combine(_temp.Root, "copies"));
        var again = Import(together, Path.Combine(_temp.Root, "copies"));

        // In one run the two copies are verified in parallel: one is imported, the other updates it or goes to history.
        Assert.Equal(1, both[0]);
        Assert.Equal(1, both[1] + both[3]);
        Assert.Equal([0L, 0, 2, 0, 0], again);
        var expected = IndexFile.Dump(oldFirst);
        Assert.Equal(expected, IndexFile.Dump(newFirst));
        Assert.Equal(expected, IndexFile.Dump(together));
    }

    private long[] Import(string db, string path)
    {
        var result = PithImport.Run(db, "--keys", _keys, "--json", path);
        result.AssertExit(0);
        return PithImport.Counts(PithImport.Summary(result));
    }

    private void AssertNewerCurrent_OlderInHistory(string db)
    {
        using var connection = IndexFile.Open(db);
        using (var current = connection.CreateCommand())
        {
            current.CommandText = "SELECT r.pith_number, r.updated_at, o.original, r.imported_from FROM records r JOIN record_originals o ON o.record_id = r.id";
            using var reader = current.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(_pithNumber, reader.GetString(0));
            Assert.Equal(NewUpdatedAt, reader.GetString(1));
            Assert.Equal(_new, (byte[])reader.GetValue(2));
            Assert.Equal(_newPath, reader.GetString(3));
            Assert.False(reader.Read());
        }
        using var history = connection.CreateCommand();
        history.CommandText =
            "SELECT r.pith_number, h.updated_at, h.original, h.imported_from FROM record_history h JOIN records r ON r.id = h.record_id";
        using var rows = history.ExecuteReader();
        Assert.True(rows.Read());
        Assert.Equal(_pithNumber, rows.GetString(0));
        Assert.Equal(OldUpdatedAt, rows.GetString(1));
        Assert.Equal(_old, (byte[])rows.GetValue(2));
        Assert.Equal(_oldPath, rows.GetString(3));
        Assert.False(rows.Read());
        Assert.Equal("ok", IndexFile.IntegrityCheck(db));
    }
}
