using Pith.Core.Inputs;
using Xunit;

namespace Pith.Core.Tests.Inputs;

public sealed class InputWalkerTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pith-walk-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Make(string relative)
    {
        var path = Path.Combine(_root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{}");
        return path;
    }

    private List<string> Walk(params string[] paths) =>
        InputWalker.Expand(paths).Select(e => e.Input is { } i ? Path.GetRelativePath(_root.FullName, i.Path) : "error:" + Path.GetRelativePath(_root.FullName, e.Error!.Path)).ToList();

    [Fact]
    public void Walks_folders_recursively_in_ordinal_order_of_the_whole_path()
    {
        Make("b.json");
        Make("a/z.json");
        Make("a/b/c.json");
        Make("B.json");
        Make("a.json");
        Assert.Equal(["B.json", "a.json", Path.Combine("a", "b", "c.json"), Path.Combine("a", "z.json"), "b.json"], Walk(_root.FullName));
    }

    [Fact]
    public void Keeps_named_files_and_standard_input_in_order_and_reports_missing_paths()
    {
        var file = Make("x.json");
        var items = InputWalker.Expand(["-", file, Path.Combine(_root.FullName, "missing")]).ToList();
        Assert.True(items[0].Input!.IsStandardInput);
        Assert.Equal(file, items[1].Input!.Path);
        Assert.Equal("no such file or folder", items[2].Error!.Reason);
    }

    [Fact]
    public void Does_not_follow_links_out_of_the_tree_or_round_a_loop()
    {
        Make("tree/in.json");
        var outside = Make("outside/secret.json");
        var tree = Path.Combine(_root.FullName, "tree");
        File.CreateSymbolicLink(Path.Combine(tree, "link-out.json"), outside);
        File.CreateSymbolicLink(Path.Combine(tree, "link-in.json"), Path.Combine(tree, "in.json"));
        Directory.CreateSymbolicLink(Path.Combine(tree, "loop"), tree);
        Directory.CreateSymbolicLink(Path.Combine(tree, "out"), Path.Combine(_root.FullName, "outside"));
        File.CreateSymbolicLink(Path.Combine(tree, "dangling.json"), Path.Combine(_root.FullName, "nothing"));

        Assert.Equal([Path.Combine("tree", "in.json"), Path.Combine("tree", "link-in.json")], Walk(tree));
    }

    [Fact]
    public void A_fifo_in_a_folder_is_refused_by_the_reader_with_a_reason_instead_of_blocking_it()
    {
        if (OperatingSystem.IsWindows()) return;
        Make("tree/a.json");
        var fifo = Path.Combine(_root.FullName, "tree", "pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        Assert.True(File.Exists(fifo));

        // The walk yields it as a file that must be regular; reading it says why it is skipped, without blocking.
        var pipe = InputWalker.Expand([Path.Combine(_root.FullName, "tree")]).Select(e => e.Input!).Single(i => i.Path == fifo);
        Assert.True(pipe.RegularOnly);
        Assert.Contains("not a regular file", BoundedReader.ReadFile(pipe.Path, pipe.RegularOnly).Error, StringComparison.Ordinal);
        Assert.False(FileKind.IsRegularFile(fifo));
        Assert.True(FileKind.IsRegularFile(Path.Combine(_root.FullName, "tree", "a.json")));
        Assert.False(FileKind.IsRegularFile(_root.FullName));
    }
}
