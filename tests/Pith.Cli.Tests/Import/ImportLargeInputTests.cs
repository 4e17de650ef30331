using System.Text.Json;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Import;

/// <summary>Inputs larger than any record may be: rejected with a size reason, and the import carries on.</summary>
public sealed class ImportLargeInputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TwentyMegabytesOfGarbage_RejectedForItsSize_TheRecordBesideItImported()
    {
        var keys = PithImport.WriteTestKey(_temp);
        var garbage = new byte[20 * 1024 * 1024];
        new Random(1).NextBytes(garbage);
        var big = _temp.Write(Path.Combine("in", "a-huge.bin"), garbage);
        _temp.Write(Path.Combine("in", "b-record.json"), RecordFactory.ToBytes(RecordFactory.Create(TestKey.Default)));
        var db = Path.Combine(_temp.Root, "index.db");

        var result = PithImport.Run(db, "--keys", keys, "--json", Path.Combine(_temp.Root, "in"));

        result.AssertExit(1);
        var summary = PithImport.Summary(result);
        Assert.Equal([1L, 0, 0, 0, 1], PithImport.Counts(summary));
        var reject = Assert.Single(summary.GetProperty("rejects").EnumerateArray());
        Assert.Equal(big, reject.GetProperty("path").GetString());
        Assert.Equal("parse", reject.GetProperty("check").GetString());
        Assert.Contains($"{garbage.Length} bytes, more than the", reject.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FileOverTwoGigabytes_RejectedForItsSize_WithoutBeingRead()
    {
        var keys = PithImport.WriteTestKey(_temp);
        var huge = Path.Combine(_temp.Root, "in", "a-disk.img");
        Directory.CreateDirectory(Path.GetDirectoryName(huge)!);
        // Sparse, so it costs no disk; reading it whole could not even work (a .NET array stops short of 2 GB).
        using (var stream = File.Create(huge)) stream.SetLength(3L << 30);
        _temp.Write(Path.Combine("in", "b-record.json"), RecordFactory.ToBytes(RecordFactory.Create(TestKey.Default)));

        var result = PithImport.Run(Path.Combine(_temp.Root, "index.db"), "--keys", keys, "--json", Path.Combine(_temp.Root, "in"));

        result.AssertExit(1);
        var summary = PithImport.Summary(result);
        Assert.Equal([1L, 0, 0, 0, 1], PithImport.Counts(summary));
        var reject = Assert.Single(summary.GetProperty("rejects").EnumerateArray());
        Assert.Equal(huge, reject.GetProperty("path").GetString());
        // The same check and reason as any other file too large to be a record.
        Assert.Equal("parse", reject.GetProperty("check").GetString());
        Assert.Contains($"{3L << 30} bytes, more than the", reject.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OverlongJsonLinesLine_RejectedByLine_TheNextLineImported()
    {
        var keys = PithImport.WriteTestKey(_temp);
        var record = RecordFactory.ToBytes(RecordFactory.Create(TestKey.Default));
        // One line of 17 MB (no line break in it), then a record on line 2.
        var overlong = new byte[17 * 1024 * 1024];
        overlong.AsSpan().Fill((byte)'x');
        var file = _temp.Write("big.jsonl", [.. overlong, (byte)'\n', .. record, (byte)'\n']);

        var result = PithImport.Run(Path.Combine(_temp.Root, "index.db"), "--keys", keys, "--json", file);

        result.AssertExit(1);
        var summary = PithImport.Summary(result);
        Assert.Equal([1L, 0, 0, 0, 1], PithImport.Counts(summary));
        var reject = Assert.Single(summary.GetProperty("rejects").EnumerateArray());
        Assert.Equal(1, reject.GetProperty("line").GetInt64());
        Assert.Equal(JsonValueKind.String, reject.GetProperty("reason").ValueKind);
        Assert.Contains("longer than", reject.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }
}
