using Xunit;

namespace Pith.Cli.Tests.Import;

/// <summary><c>pith import - PATH &lt; FOLDER</c>: standard input that is a folder is one reject; the other paths are imported.</summary>
public sealed class ImportStandardInputFolderTests
{
    [Fact]
    public void StandardInputIsAFolder_OneReject_TheOtherPathIsImported()
    {
        using var temp = new TempFolder();
        var db = Path.Combine(temp.Root, "index.db");
        var (path, _) = Samples.Seeds[0];

        var result = PithProcess.RunWithStandardInputFrom(temp.Root, PithImport.Args(db, ["--json", "-", path]));

        result.AssertExit(1);
        result.AssertNoStackTrace();
        var summary = PithImport.Summary(result);
        Assert.Equal([1L, 0, 0, 0, 1], PithImport.Counts(summary));
        var reject = Assert.Single(summary.GetProperty("rejects").EnumerateArray());
        Assert.Equal("-", reject.GetProperty("path").GetString());
        Assert.Equal("read", reject.GetProperty("check").GetString());
        Assert.Equal("standard input is a folder, not a document (name the folder instead: pith reads every file in it)", reject.GetProperty("reason").GetString());
    }
}
