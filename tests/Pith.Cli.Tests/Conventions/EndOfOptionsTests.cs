using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Conventions;

/// <summary>'--' ends the options: what follows is a path, alias or word even when it starts with '-'.</summary>
public sealed class EndOfOptionsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void VerifyAndImport_ReadAFileNamedLikeAnOption_AfterDoubleDash()
    {
        _temp.Write("--odd.json", Samples.ReadBytes(Samples.Seeds[0].Path));

        var verify = PithProcess.Run(["verify", "--", "--odd.json"], workingDirectory: _temp.Root);
        verify.AssertExit(0);
        Assert.Equal([$"OK {Samples.Seeds[0].PithNumber} --odd.json"], verify.StdoutLines);

        var import = PithImport.Run(Path.Combine(_temp.Root, "index.db"), ["--", "--odd.json"], workingDirectory: _temp.Root);
        import.AssertExit(0);
        Assert.StartsWith("pith import: imported 1,", import.StderrLines[0], StringComparison.Ordinal);

        // Before '--' such a token is still a mistyped option.
        PithProcess.Run(["verify", "--odd.json"], workingDirectory: _temp.Root).AssertExit(2);
    }

    [Fact]
    public void ResolveShowAndSearch_TakeADashedArgument_AfterDoubleDash_AsTheirOwnReasonsSay()
    {
        var db = Path.Combine(_temp.Root, "index.db");
        PithImport.Run(db, Samples.Records).AssertExit(0);

        var resolve = PithProcess.Run("resolve", "--db", db, "--", "-x");
        resolve.AssertExit(1);
        Assert.DoesNotContain("unknown option", resolve.Stderr, StringComparison.Ordinal);

        var show = PithProcess.Run("show", "--db", db, "--", "-x");
        show.AssertExit(1);
        Assert.DoesNotContain("unknown option", show.Stderr, StringComparison.Ordinal);

        var search = PithProcess.Run("search", "--db", db, "--", "-zzzz");
        search.AssertExit(1);
        Assert.Equal(["pith search: no title matches -zzzz"], search.StderrLines);
    }
}
