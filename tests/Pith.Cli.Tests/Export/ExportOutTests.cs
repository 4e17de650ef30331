using Xunit;

namespace Pith.Cli.Tests.Export;

/// <summary>
/// <c>export --out PATH</c> writes only what the user meant: <c>-</c> is standard output; the index (and its journal) is
/// refused however it is spelt or linked; a device is written into, not replaced; a missing folder is an error.
/// </summary>
public sealed class ExportOutTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _db;

    public ExportOutTests()
    {
        _db = Path.Combine(_temp.Root, "i.db");
        PithProcess.Run(["import", "--db", _db, "--quiet", Samples.Records]).AssertExit(0);
    }

    public void Dispose() => _temp.Dispose();

    private PithResult Export(string output) => PithProcess.Run(["export", "--db", _db, "--out", output], workingDirectory: _temp.Root);

    [Fact]
    public void A_dash_is_standard_output()
    {
        var result = Export("-");

        result.AssertExit(0);
        Assert.Equal(Samples.Seeds.Length, result.StdoutLines.Count);
        Assert.False(File.Exists(Path.Combine(_temp.Root, "-")));
    }

    [Fact]
    public void The_index_is_refused_by_any_spelling_or_link_and_left_as_it_was()
    {
        var before = File.ReadAllBytes(_db);
        File.CreateSymbolicLink(Path.Combine(_temp.Root, "link.db"), _db);
        var spellings = new List<string> { "./i.db", "sub/../i.db", _db, "link.db", "i.db-journal" };
        if (OperatingSystem.IsLinux())
        {
            using (var ln = System.Diagnostics.Process.Start("ln", [_db, Path.Combine(_temp.Root, "hard.db")])) ln.WaitForExit();
            spellings.Add("hard.db");
        }
        Directory.CreateDirectory(Path.Combine(_temp.Root, "sub"));

        foreach (var spelling in spellings)
        {
            var result = Export(spelling);

            result.AssertExit(2);
            Assert.Empty(result.Stdout);
            Assert.StartsWith($"pith: cannot write {spelling}: it is the index", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        }
        Assert.Equal(before, File.ReadAllBytes(_db));
        Assert.Equal(FileAttributes.ReparsePoint, File.GetAttributes(Path.Combine(_temp.Root, "link.db")) & FileAttributes.ReparsePoint);
    }

    [Fact]
    public void A_missing_folder_is_an_error_and_is_not_created()
    {
        var result = Export(Path.Combine("nope", "e.jsonl"));

        result.AssertExit(2);
        Assert.StartsWith("pith: cannot write nope/e.jsonl: there is no folder ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Root, "nope")));
    }

    [Fact]
    public void A_link_to_a_device_is_written_through_and_stays_a_link()
    {
        // Through a link of the test's own: a pith that replaced its target would replace only the link, never the device.
        if (!OperatingSystem.IsLinux()) return;
        var link = Path.Combine(_temp.Root, "to-null");
        File.CreateSymbolicLink(link, "/dev/null");

        var result = Export("to-null");

        result.AssertExit(0);
        Assert.Equal("/dev/null", new FileInfo(link).LinkTarget);
        Assert.False(Pith.Inputs.FileKind.IsRegularFile("/dev/null"));
    }

    [Fact]
    public async Task A_fifo_is_written_into_and_stays_a_fifo()
    {
        if (!OperatingSystem.IsLinux()) return;
        var fifo = Path.Combine(_temp.Root, "pipe");
        var same = Path.Combine(_temp.Root, "pipe-too");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo)) await mkfifo.WaitForExitAsync();
        // A second name for the FIFO, so that it can be reached if a pith that replaced it took the first.
        using (var ln = System.Diagnostics.Process.Start("ln", [fifo, same])) await ln.WaitForExitAsync();
        var reader = Task.Run(() => File.ReadAllLines(fifo));

        var result = Export("pipe");

        if (await Task.WhenAny(reader, Task.Delay(TimeSpan.FromSeconds(30))) != reader)
        {
            // pith never opened the FIFO, so the reader still waits in its open: open it for writing here so that the
            // reader sees an end and the test fails instead of hanging.
            using (new FileStream(same, FileMode.Open, FileAccess.Write)) { }
        }
        result.AssertExit(0);
        Assert.Equal(Samples.Seeds.Length, (await reader).Length);
        Assert.False(Pith.Inputs.FileKind.IsRegularFile(fifo));
    }

    [Fact]
    public void A_regular_file_is_replaced_whole()
    {
        var target = _temp.Write("e.jsonl", "old contents\n");

        Export("e.jsonl").AssertExit(0);

        Assert.Equal(Samples.Seeds.Length, File.ReadAllLines(target).Length);
        Assert.Single(Directory.GetFiles(_temp.Root, "*e.jsonl*"));
    }
}
