using Xunit;

namespace Pith.Cli.Tests.Verify;

/// <summary>Usage errors exit 2 (exit 1 means "invalid record" here), and help documents the exit statuses.</summary>
public sealed class VerifyUsageTests
{
    [Theory]
    [InlineData("verify")]
    [InlineData("verify", "--bogus", "x")]
    [InlineData("frobnicate", "x")]
    [InlineData("verify", "-", "-")]
    public void UsageError_Exit2_WithAReasonOnStderr(params string[] args)
    {
        var result = PithProcess.Run(args);

        result.AssertExit(2);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("pith: ", result.Stderr, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void Help_Exit0_DocumentsOptions()
    {
        var result = PithProcess.Run("verify", "--help");

        result.AssertExit(0);
        var help = result.Stdout;
        foreach (var option in new[] { "--keys", "--json", "--verbose" })
            Assert.Contains(option, help, StringComparison.Ordinal);
    }
}
