using System.Diagnostics;
using Xunit;

namespace Pith.Cli.Tests.Conventions;

/// <summary><c>pith completion bash|zsh|fish</c>: a script naming every command and option; bash's is run for real.</summary>
public sealed class CompletionTests : IDisposable
{
    private static readonly string[] Commands = ["verify", "import", "resolve", "show", "search", "export", "audit", "stats", "keys", "completion", "help"];

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("bash")]
    [InlineData("zsh")]
    [InlineData("fish")]
    public void EachShellsScript_NamesEveryCommandAndOption(string shell)
    {
        var script = PithProcess.Run("completion", shell);

        script.AssertExit(0);
        var text = script.Stdout;
        foreach (var name in Commands.Concat(["list", "add", "remove"])) Assert.Contains(name, text, StringComparison.Ordinal);
        foreach (var command in Commands.Where(c => c != "help").Append("keys list"))
        {
            var help = PithProcess.Run([.. command.Split(' '), "--help"]).Stdout;
            // Every long option the command's help lists ("--db", "--lock-timeout"...), named in the script (fish drops the dashes).
            foreach (var option in System.Text.RegularExpressions.Regex.Matches(help, @"(?<=\s)--[a-z][a-z-]+").Select(m => m.Value).Distinct())
                Assert.Contains(shell == "fish" ? "-l " + option[2..] : option, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void BashScript_IsValid_AndCompletesCommandsSubcommandsOptionsAndShells()
    {
        var script = _temp.Write("pith.bash", PithProcess.Run("completion", "bash").Stdout);

        Assert.Equal("", Bash($"bash -n {script} && echo -n").Trim());
        Assert.Equal("verify", Complete(script, "pith ver"));
        Assert.Equal("add", Complete(script, "pith keys a"));
        Assert.Equal("--lock-timeout", Complete(script, "pith import --lock"));
        Assert.Equal("bash", Complete(script, "pith completion ba"));
        Assert.Equal("", Complete(script, "pith import --jobs "));
        // A flag takes no value: the command's arguments (files) come next.
        Assert.Equal(Complete(script, "pith verify "), Complete(script, "pith verify --json "));
        Assert.Equal("--help --version", Complete(script, "pith --"));
    }

    // What the script's function offers for the last word of line (COMP_WORDS as bash sets them), space-separated.
    private static string Complete(string script, string line)
    {
        var words = line.Split(' ');
        var array = string.Join(' ', words.Select(w => $"'{w}'"));
        return Bash($"source '{script}'; COMP_WORDS=({array}); COMP_CWORD={words.Length - 1}; _pith; echo \"${{COMPREPLY[*]}}\"").Trim();
    }

    private static string Bash(string command)
    {
        var start = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var bash = Process.Start(start)!;
        var stderr = bash.StandardError.ReadToEndAsync();
        var output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();
        Assert.True(bash.ExitCode == 0, $"bash failed: {stderr.Result}");
        Assert.Equal("", stderr.Result);
        return output;
    }
}
