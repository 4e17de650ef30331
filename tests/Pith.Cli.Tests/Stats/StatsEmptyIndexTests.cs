using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Stats;

/// <summary><c>pith stats</c> on an index that holds no record yet: zeros and "none", no empty lists.</summary>
public sealed class StatsEmptyIndexTests
{
    [Fact]
    public void EmptyIndex_PapersZero_NoneByYearOrKey()
    {
        using var temp = new TempFolder();
        var db = Path.Combine(temp.Root, "index.db");
        Directory.CreateDirectory(Path.Combine(temp.Root, "empty"));
        PithImport.Run(db, "--quiet", Path.Combine(temp.Root, "empty")).AssertExit(0);

        var result = PithProcess.Run("stats", "--db", db);

        result.AssertExit(0);
        Assert.Contains("records        0", result.StdoutLines);
        Assert.Contains("papers         0", result.StdoutLines);
        Assert.Contains("by year        none", result.StdoutLines);
        Assert.Contains("by key         none", result.StdoutLines);
        Assert.All(result.StdoutLines, line => Assert.False(line.EndsWith(' '), $"trailing space: '{line}'"));
    }
}
