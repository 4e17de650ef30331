using System.Diagnostics;
using System.Text.Json;
using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Conventions;

/// <summary>
/// Files in a folder whose names are not UTF-8 are read by their true bytes, and every rendering spells such a byte
/// <c>\xHH</c>, so two names that differ only there are told apart: verify's lines and JSON, import's REJECT lines and
/// what the index stores (shown by <c>pith show</c>); so is such a path named on the command line.
/// </summary>
public sealed class NonUtf8FileNamesTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _folder;

    public NonUtf8FileNamesTests()
    {
        _folder = Directory.CreateDirectory(Path.Combine(_temp.Root, "names")).FullName;
        CreateNamedByBytes(@"bad\377name.json", Samples.ReadBytes(Samples.Seeds[0].Path));
        CreateNamedByBytes(@"bad\376name.json", Samples.ReadBytes(Samples.Seeds[1].Path));
        CreateNamedByBytes(@"x\200.json", "{}"u8.ToArray());
    }

    public void Dispose() => _temp.Dispose();

    private string Named(string escaped) => Path.Combine(_folder, escaped);

    [Fact]
    public void Verify_ReadsEachFile_AndSpellsTheBytesThatAreNotUtf8()
    {
        var result = PithProcess.Run("verify", _folder);

        result.AssertExit(1);
        Assert.Equal(3, result.StdoutLines.Count);
        Assert.Equal($"OK {Samples.Seeds[1].PithNumber} {Named(@"bad\xFEname.json")}", result.StdoutLines[0]);
        Assert.Equal($"OK {Samples.Seeds[0].PithNumber} {Named(@"bad\xFFname.json")}", result.StdoutLines[1]);
        Assert.StartsWith($"FAIL {Named(@"x\x80.json")}: document_type: ", result.StdoutLines[2], StringComparison.Ordinal);

        var json = PithProcess.Run("verify", "--json", _folder);
        json.AssertExit(1);
        var paths = json.StdoutLines.Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.GetProperty("path").GetString();
        });
        Assert.Equal([Named(@"bad\xFEname.json"), Named(@"bad\xFFname.json"), Named(@"x\x80.json")], paths);
    }

    [Fact]
    public void Import_IndexesEachFile_StoringTheNameAsSpelt()
    {
        var db = Path.Combine(_temp.Root, "index.db");

        var result = PithImport.Run(db, _folder);

        result.AssertExit(1);
        Assert.StartsWith($"REJECT {Named(@"x\x80.json")}: document_type: ", result.StderrLines[0], StringComparison.Ordinal);
        Assert.StartsWith("pith import: imported 2, ", result.StderrLines[1], StringComparison.Ordinal);
        var show = PithProcess.Run("show", "--db", db, Samples.Seeds[0].PithNumber);
        show.AssertExit(0);
        Assert.Contains(show.StdoutLines, line => line.Contains($" from {Named(@"bad\xFFname.json")} (run 1)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_path_named_on_the_command_line_is_read_by_its_true_bytes()
    {
        // The shell's printf puts the bytes on pith's command line: .NET passes arguments as text.
        var result = PithProcess.RunInShell("exec \"$0\" \"$@\" \"$(printf \"$PITH_TEST_NAME\")\"",
            new Dictionary<string, string> { ["PITH_TEST_NAME"] = Path.Combine(_folder, @"bad\377name.json") }, "verify");

        result.AssertExit(0);
        Assert.Equal([$"OK {Samples.Seeds[0].PithNumber} {Named(@"bad\xFFname.json")}"], result.StdoutLines);
    }

    // .NET names files by UTF-16 text and cannot name these: the shell's printf turns the octal escapes into the bytes.
    private void CreateNamedByBytes(string octalName, byte[] content)
    {
        var source = _temp.Write("content", content);
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var arg in (string[])["-c", "mv \"$1\" \"$2/$(printf \"$3\")\"", "sh", source, _folder, octalName]) start.ArgumentList.Add(arg);
        using var shell = Process.Start(start)!;
        shell.WaitForExit();
        Assert.Equal(0, shell.ExitCode);
    }
}
