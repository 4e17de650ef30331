using Xunit;

namespace Pith.Cli.Tests.Usage;

/// <summary>
/// A number option given something that is not a number it takes is a usage error: one line naming the option and
/// the value (escaped), exit 2, no stack trace, nothing done.
/// </summary>
public sealed class NumberOptionTests
{
    public static TheoryData<string[], string> BadValues => new()
    {
        { ["search", "--limit", "abc", "x"], "--limit: 'abc' is not a whole number of at least 1" },
        { ["search", "--limit", "2147483648", "x"], "--limit: '2147483648' is not a whole number of at least 1" },
        { ["search", "--limit", "1.5", "x"], "--limit: '1.5' is not a whole number of at least 1" },
        { ["search", "-n", "0", "x"], "--limit: '0' is not a whole number of at least 1" },
        { ["import", "--jobs", "abc", "x"], "--jobs: 'abc' is not a whole number from 1 to 1024" },
        { ["import", "-j", "1.5", "x"], "--jobs: '1.5' is not a whole number from 1 to 1024" },
        { ["import", "-j", "1025", "x"], "--jobs: '1025' is not a whole number from 1 to 1024" },
        { ["audit", "--jobs", ""], "--jobs: '' is not a whole number from 1 to 1024" },
        { ["audit", "--jobs", "-3"], "--jobs: '-3' is not a whole number from 1 to 1024" },
        { ["sync", "--jobs", "1000000", "http://127.0.0.1:9/"], "--jobs: '1000000' is not a whole number from 1 to 1024" },
        { ["import", "--lock-timeout", "abc", "x"], "--lock-timeout: 'abc' is not a number of seconds from 0 to 86400" },
        { ["import", "--lock-timeout", "NaN", "x"], "--lock-timeout: 'NaN' is not a number of seconds from 0 to 86400" },
        { ["import", "--lock-timeout", "Infinity", "x"], "--lock-timeout: 'Infinity' is not a number of seconds from 0 to 86400" },
        { ["import", "--lock-timeout", "86400.5", "x"], "--lock-timeout: '86400.5' is not a number of seconds from 0 to 86400" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_value_the_option_does_not_take_is_one_line_and_exit_2(string[] args, string message)
    {
        using var temp = new TempFolder();
        var db = Path.Combine(temp.Root, "index.db");

        var result = PithProcess.Run(args, environment: new Dictionary<string, string?> { ["PITH_DB"] = db });

        result.AssertExit(2);
        Assert.Empty(result.Stdout);
        // A parse error points to the command's own help.
        Assert.Equal(["pith: " + message, $"Try 'pith {args[0]} --help'."], result.StderrLines);
        result.AssertNoStackTrace();
        Assert.False(File.Exists(db), "a usage error must not create an index");
    }

    [Fact]
    public void The_value_is_echoed_with_its_escape_sequences_escaped()
    {
        var result = PithProcess.Run("search", "--limit", "\u001b]0;owned\u0007\u001b[31m", "x");

        result.AssertExit(2);
        Assert.Equal([@"pith: --limit: '\x1b]0;owned\x07\x1b[31m' is not a whole number of at least 1", "Try 'pith search --help'."], result.StderrLines);
        Assert.DoesNotContain('\u001b', result.Stderr);
    }

    [Theory]
    [InlineData("--lock-timeout", "0")]
    [InlineData("--lock-timeout", "0.25")]
    [InlineData("--lock-timeout", "86400")]
    [InlineData("--jobs", "1")]
    [InlineData("--jobs", "1024")]
    public void A_value_in_range_is_taken(string option, string value)
    {
        using var temp = new TempFolder();
        var db = Path.Combine(temp.Root, "index.db");

        var result = PithProcess.Run(["import", "--db", db, "--quiet", option, value, Samples.Records]);

        result.AssertExit(0);
        Assert.True(File.Exists(db));
    }
}
