using Xunit;

namespace Pith.Inputs.Tests;

public sealed class InputDocumentsTests : IDisposable
{
    private const string NotRegular = "not a regular file (a FIFO, socket or device): skipped";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pith-documents-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public async Task A_fifo_named_as_json_lines_in_a_folder_is_refused_without_opening_it()
    {
        if (OperatingSystem.IsWindows()) return;
        File.WriteAllText(Path.Combine(_root.FullName, "a.json"), "{}");
        File.WriteAllText(Path.Combine(_root.FullName, "b.jsonl"), "{}\n{}\n");
        var fifo = MakeFifo("c.jsonl");
        // Through a link too: the listing says only that it is a link, so the kind comes from a stat.
        File.CreateSymbolicLink(Path.Combine(_root.FullName, "d.jsonl"), fifo);

        // Opening the FIFO would wait for a writer for ever: the guard turns that into a failure instead of a hung run.
        var documents = await Task.Run(() => InputDocuments.Expand([_root.FullName], () => Stream.Null).ToList()).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["a.json", "b.jsonl:1", "b.jsonl:2", "c.jsonl", "d.jsonl"], documents.Select(d => Path.GetRelativePath(_root.FullName, d.Name)));
        Assert.Null(documents[1].Unreadable);
        Assert.Equal(NotRegular, documents[3].Unreadable);
        Assert.Equal(NotRegular, documents[4].Unreadable);
    }

    private string MakeFifo(string name)
    {
        var path = Path.Combine(_root.FullName, name);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", path)) mkfifo.WaitForExit();
        return path;
    }
}
