using System.Text.RegularExpressions;
using Xunit;

namespace Pith.Cli.Tests;

/// <summary>pith builds only the command it runs (start-up time): help and mistyped commands still see every command.</summary>
public sealed class HelpTests
{
    private static readonly string[] CommandNames = ["verify", "import", "resolve", "show", "search", "export", "audit", "stats", "keys", "completion"];

    [Fact]
    public void Help_ListsEveryCommand_AndACommandsHelpIsItsOwn()
    {
        var help = PithProcess.Run("--help");
        help.AssertExit(0);
        foreach (var command in CommandNames)
            Assert.Contains(help.StdoutLines, line => line.TrimStart().StartsWith(command + " ", StringComparison.Ordinal));

        var resolve = PithProcess.Run("resolve", "--help");
        resolve.AssertExit(0);
        Assert.Contains("pith resolve <ALIAS>... [options]", resolve.Stdout, StringComparison.Ordinal);
        Assert.Contains("--all", resolve.Stdout, StringComparison.Ordinal);

        var typo = PithProcess.Run("resolv", "2310.05918");
        typo.AssertExit(2);
        Assert.StartsWith("pith: ", typo.StderrLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void HelpCommand_IsTheSameAsTheHelpOption()
    {
        Assert.Equal(PithProcess.Run("--help"), PithProcess.Run("help"));
        foreach (var command in new[] { "verify", "keys", "completion" })
        {
            var help = PithProcess.Run("help", command);
            help.AssertExit(0);
            Assert.Equal(PithProcess.Run(command, "--help"), help);
        }
        Assert.Equal(PithProcess.Run("keys", "add", "--help"), PithProcess.Run("help", "keys", "add"));
    }

    [Fact]
    public void AMistypedCommand_GetsOneLineWithTheNearestCommand_Exit2()
    {
        var typo = PithProcess.Run("verfy", "x.json");

        typo.AssertExit(2);
        Assert.Empty(typo.Stdout);
        Assert.Equal(["pith: unknown command 'verfy'; did you mean 'verify'?"], typo.StderrLines);

        // Asking for the help of a mistyped command is no success either.
        foreach (var args in new[] { new[] { "help", "verfy" }, ["verfy", "--help"] })
        {
            var help = PithProcess.Run(args);
            help.AssertExit(2);
            Assert.Empty(help.Stdout);
            Assert.Equal(["pith: unknown command 'verfy'; did you mean 'verify'?"], help.StderrLines);
        }
        var far = PithProcess.Run("nonsense");
        far.AssertExit(2);
        Assert.Equal(["pith: unknown command 'nonsense'", "Try 'pith --help'."], far.StderrLines);
    }

    [Fact]
    public void Completion_OfAnUnknownShell_IsOneLine_Exit2()
    {
        var result = PithProcess.Run("completion", "tcsh");

        result.AssertExit(2);
        Assert.Equal(["pith: 'tcsh' is not a shell pith completes: bash, zsh or fish", "Try 'pith completion --help'."], result.StderrLines);
    }

    [Fact]
    public void ASubcommandsParseError_PointsToItsOwnHelp()
    {
        var verify = PithProcess.Run("verify", "--bogus-option", "x.json");
        verify.AssertExit(2);
        Assert.Equal("Try 'pith verify --help'.", verify.StderrLines[^1]);

        var add = PithProcess.Run("keys", "add");
        add.AssertExit(2);
        Assert.Equal("Try 'pith keys add --help'.", add.StderrLines[^1]);
    }

    [Fact]
    public void TopLevelHelp_FitsA24By80Screen_AndMentionsTheExitStatusesOnce()
    {
        var help = PithProcess.Run("--help");

        help.AssertExit(0);
        Assert.True(help.StdoutLines.Count <= 23, $"{help.StdoutLines.Count} lines (a prompt needs the 24th)");
        Assert.All(help.StdoutLines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        Assert.Contains("130 interrupted", help.StdoutLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void EveryCommandsHelp_GivesEachDefaultOnce_AndLeavesExitStatusesToTheManual()
    {
        foreach (var command in CommandNames.Concat(["keys list", "keys add", "keys remove"]))
        {
            var help = PithProcess.Run([.. command.Split(' '), "--help"]);
            help.AssertExit(0);
            Assert.DoesNotContain("Exit status", help.Stdout, StringComparison.Ordinal);
            foreach (var line in help.StdoutLines)
                Assert.True(Regex.Matches(line, "default", RegexOptions.IgnoreCase).Count <= 1, $"pith {command} --help: {line}");
        }
    }
}
