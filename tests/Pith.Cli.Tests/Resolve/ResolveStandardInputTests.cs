using System.Text;
using Xunit;

namespace Pith.Cli.Tests.Resolve;

/// <summary><c>pith resolve -</c>: aliases read from standard input, one a line, in their place among the arguments.</summary>
[Collection(ResolveIndexCollection.Name)]
public sealed class ResolveStandardInputTests(ResolveIndex index)
{
    [Fact]
    public void A_dash_reads_one_alias_a_line_in_its_place_blank_lines_skipped()
    {
        var (first, second, third) = (index.Seeds[0], index.Seeds[1], index.Seeds[2]);
        var stdin = Encoding.UTF8.GetBytes($"{second.SourceId}\n\n  {third.PithNumber}  \r\nnonsense!\n");

        var result = PithProcess.Run(["resolve", "--db", index.Db, first.SourceId, "-"], stdin);

        result.AssertExit(1);
        Assert.Equal([first.PithNumber, second.PithNumber, third.PithNumber], result.StdoutLines);
        Assert.StartsWith("pith: nonsense!: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_dash_given_twice_is_a_usage_error()
    {
        var result = PithProcess.Run(["resolve", "--db", index.Db, "-", "-"], Encoding.UTF8.GetBytes("2310.05918\n"));

        result.AssertExit(2);
        Assert.Empty(result.Stdout);
        Assert.Equal("pith: '-' (standard input) is given more than once", result.StderrLines[0]);
    }
}
