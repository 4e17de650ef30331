using Xunit;

namespace Pith.Cli.Tests.Conventions;

/// <summary>Nothing checked is not success: verify of an empty folder says so and exits 2.</summary>
public sealed class NothingToVerifyTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Verify_AnEmptyFolderOrJsonLinesFile_SaysNothingToVerify_Exits2()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp.Root, "empty")).FullName;
        var lines = _temp.Write("none.jsonl", "\n\n");

        var result = PithProcess.Run("verify", folder, lines);

        result.AssertExit(2);
        Assert.Empty(result.Stdout);
        Assert.Equal([$"pith verify: nothing to verify in {folder} {lines}"], result.StderrLines);
    }
}
