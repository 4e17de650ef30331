using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Conventions;

/// <summary>
/// Symbolic links in a folder that verify and import do not read each get a line on stderr saying why, in the same
/// words in both commands.
/// </summary>
public sealed class SkippedLinksTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _tree;
    private readonly string _record;
    private readonly string _number;

    public SkippedLinksTests()
    {
        var (seed, number) = Samples.Seeds[0];
        _number = number;
        var outside = _temp.Write("outside.json", Samples.ReadBytes(seed));
        _tree = Path.Combine(_temp.Root, "tree");
        _record = Path.Combine(_tree, "a.json");
        Directory.CreateDirectory(Path.Combine(_tree, "sub"));
        File.Copy(outside, _record);
        File.CreateSymbolicLink(Path.Combine(_tree, "b-inside.json"), _record);
        File.CreateSymbolicLink(Path.Combine(_tree, "c-outside.json"), outside);
        File.CreateSymbolicLink(Path.Combine(_tree, "d-dangling.json"), Path.Combine(_temp.Root, "gone.json"));
        Directory.CreateSymbolicLink(Path.Combine(_tree, "e-folder"), Path.Combine(_tree, "sub"));
    }

    public void Dispose() => _temp.Dispose();

    private string[] Skipped(string command) =>
    [
        $"pith {command}: skipped the symbolic link {Path.Combine(_tree, "c-outside.json")}: it leads outside the folder",
        $"pith {command}: skipped the symbolic link {Path.Combine(_tree, "d-dangling.json")}: it leads to no file",
        $"pith {command}: skipped the symbolic link {Path.Combine(_tree, "e-folder")}: links to folders are not followed",
    ];

    [Fact]
    public void Verify_LinksNotRead_OneStderrLineEach_ALinkInsideIsVerified()
    {
        var result = PithProcess.Run("verify", _tree);

        result.AssertExit(0);
        Assert.Equal([$"OK {_number} {_record}", $"OK {_number} {Path.Combine(_tree, "b-inside.json")}"], result.StdoutLines);
        Assert.Equal([.. Skipped("verify"), "pith verify: 2 valid, 0 invalid, 0 unreadable"], result.StderrLines);
    }

    [Fact]
    public void Import_LinksNotRead_OneStderrLineEach_ALinkInsideIsImported_QuietSaysNothing()
    {
        var db = Path.Combine(_temp.Root, "index.db");

        var result = PithImport.Run(db, _tree);

        result.AssertExit(0);
        // The skipped links, then the two summary lines.
        Assert.Equal(Skipped("import"), result.StderrLines.Take(3));
        Assert.Equal(5, result.StderrLines.Count);
        Assert.StartsWith("pith import: imported ", result.StderrLines[3], StringComparison.Ordinal);

        var quiet = PithImport.Run(db, "--quiet", _tree);
        quiet.AssertExit(0);
        Assert.DoesNotContain(quiet.StderrLines, line => line.Contains("symbolic link", StringComparison.Ordinal));
    }
}
