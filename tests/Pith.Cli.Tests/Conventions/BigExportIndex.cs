using Pith.Cli.Tests.Import;
using Pith.Testing;

namespace Pith.Cli.Tests.Conventions;

/// <summary>
/// An index whose export is several times what a pipe holds (64 KiB): an export into a pipe nobody reads must then
/// block mid-way, whatever the timing, which lets a test interrupt it or close the pipe under it.
/// </summary>
public static class BigExportIndex
{
    public const int Records = 60;

    /// <summary>Builds the index in <paramref name="temp"/> and returns its path.</summary>
    public static string Build(TempFolder temp)
    {
        var keyFile = PithImport.WriteTestKey(temp);
        var words = string.Join(' ', Enumerable.Repeat("compression", 400));
        for (var i = 0; i < Records; i++)
            temp.Write(Path.Combine("big", $"{i:D3}.json"), RecordFactory.ToBytes(RecordFactory.Create(TestKey.Default, sourceId: $"2501.{i:D5}", abstractText: words)));
        var db = Path.Combine(temp.Root, "big.db");
        PithImport.Run(db, "--keys", keyFile, "--quiet", Path.Combine(temp.Root, "big")).AssertExit(0);
        return db;
    }
}
