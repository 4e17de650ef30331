using Xunit;

namespace Pith.Cli.Tests;

/// <summary>pith builds only the command it runs (start-up time): help and mistyped commands still see every command.</summary>
public sealed class HelpTests
{
    [Fact]
    public void Help_ListsEveryCommand_AndACommandsHelpIsItsOwn()
    {
        var help = PithProcess.Run("--help");
        help.AssertExit(0);
        foreach (var command in new[] { "verify", "import", "resolve", "show" })
            Assert.Contains(help.StdoutLines, line => line.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));

        var resolve = PithProcess.Run("resolve", "--help");
        resolve.AssertExit(0);
        Assert.Contains("pith resolve <ALIAS>... [options]", resolve.Stdout, StringComparison.Ordinal);
        Assert.Contains("--all", resolve.Stdout, StringComparison.Ordinal);

        var typo = PithProcess.Run("resolv", "2310.05918");
        typo.AssertExit(2);
        Assert.StartsWith("pith: ", typo.StderrLines[0], StringComparison.Ordinal);
    }
}
