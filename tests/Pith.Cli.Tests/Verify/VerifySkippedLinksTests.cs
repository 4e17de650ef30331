using Xunit;

namespace Pith.Cli.Tests.Verify;

/// <summary>Symbolic links in a folder that verify does not read each get a line on stderr saying why.</summary>
public sealed class VerifySkippedLinksTests
{
    [Fact]
    public void LinksNotRead_OneStderrLineEach_ALinkInsideIsVerified()
    {
        using var temp = new TempFolder();
        var (seed, number) = Samples.Seeds[0];
        var outside = temp.Write("outside.json", Samples.ReadBytes(seed));
        var tree = Path.Combine(temp.Root, "tree");
        var record = Path.Combine(tree, "a.json");
        Directory.CreateDirectory(Path.Combine(tree, "sub"));
        File.Copy(outside, record);
        File.CreateSymbolicLink(Path.Combine(tree, "b-inside.json"), record);
        File.CreateSymbolicLink(Path.Combine(tree, "c-outside.json"), outside);
        File.CreateSymbolicLink(Path.Combine(tree, "d-dangling.json"), Path.Combine(temp.Root, "gone.json"));
        Directory.CreateSymbolicLink(Path.Combine(tree, "e-folder"), Path.Combine(tree, "sub"));

        var result = PithProcess.Run("verify", tree);

        result.AssertExit(0);
        Assert.Equal([$"OK {number} {record}", $"OK {number} {Path.Combine(tree, "b-inside.json")}"], result.StdoutLines);
        Assert.Equal(
        [
            $"pith verify: skipped the symbolic link {Path.Combine(tree, "c-outside.json")}: it leads outside the folder",
            $"pith verify: skipped the symbolic link {Path.Combine(tree, "d-dangling.json")}: it leads to no file",
            $"pith verify: skipped the symbolic link {Path.Combine(tree, "e-folder")}: links to folders are not followed",
            "pith verify: 2 valid, 0 invalid, 0 unreadable",
        ], result.StderrLines);
    }
}
