using Xunit;

namespace Pith.Cli.Tests.Import;

/// <summary>Usage errors exit 2 before any index is created or opened.</summary>
public sealed class ImportUsageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData]
    [InlineData("--jobs", "0", "samples/records")]
    [InlineData("--jobs", "-3", "samples/records")]
    [InlineData("--lock-timeout", "-1", "samples/records")]
    [InlineData("--bogus", "samples/records")]
    [InlineData("-", "-")]
    public void UsageError_Exit2_OneReasonOnStderr_NoIndexCreated(params string[] args)
    {
        var db = Path.Combine(_temp.Root, "index.db");

        var result = PithImport.Run(db, args);

        result.AssertExit(2);
        result.AssertNoStackTrace();
        Assert.Empty(result.Stdout);
        Assert.StartsWith("pith: ", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(db), "a usage error must not create the index");
    }

    [Fact]
    public void Help_DocumentsTheOptions()
    {
        var result = PithProcess.Run("import", "--help");

        result.AssertExit(0);
        foreach (var option in new[] { "--db", "--keys", "--jobs", "--lock-timeout", "--json" })
            Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
    }
}
