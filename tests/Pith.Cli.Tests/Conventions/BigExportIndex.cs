using Pith.Cli.Tests.Import;
using Pith.Testing;

namespace Pith.Cli.Tests.Conventions;

/// <summary>
/// An index whose export is larger than the most a pipe can hold (1 MiB, Linux's pipe-max-size) plus pith's 64 KiB write
/// buffer: an export into a pipe nobody reads must then block before its last record, whatever the timing, which lets a
/// test interrupt it or close the pipe under it. (At about 150 KB it could reach its last record first, and finish.)
/// </summary>
public static class BigExportIndex
{
    public const int Records = 60;

    /// <summary>Builds the index in <paramref name="temp"/> and returns its path.</summary>
    public static string Build(TempFolder temp)
    {
        var keyFile = PithImport.WriteTestKey(temp);
        var words = string.Join(' ', Enumerable.Repeat("compression", 400));
        // authors_text is not signed: a long one makes each record large without re-signing.
        var authors = string.Join(", ", Enumerable.Repeat("A. N. Author", 2000));
        for (var i = 0; i < Records; i++)
        {
            var record = RecordFactory.Create(TestKey.Default, sourceId: $"2501.{i:D5}", abstractText: words);
            record["paper"]!["authors_text"] = authors;
            temp.Write(Path.Combine("big", $"{i:D3}.json"), RecordFactory.ToBytes(record));
        }
        var db = Path.Combine(temp.Root, "big.db");
        PithImport.Run(db, "--keys", keyFile, "--quiet", Path.Combine(temp.Root, "big")).AssertExit(0);
        return db;
    }
}
