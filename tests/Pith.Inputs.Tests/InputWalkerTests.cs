using System.Net.Sockets;
using Xunit;

namespace Pith.Inputs.Tests;

public sealed class InputWalkerTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("pith-walk-");

    private Socket? _socket;

    public void Dispose()
    {
        _socket?.Dispose();
        _root.Delete(recursive: true);
    }

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
        var fifo = MakeFifo("tree/pipe");
        Assert.True(File.Exists(fifo));

        // The walk yields it as a file that must be regular; reading it says why it is skipped, without blocking.
        var pipe = InputWalker.Expand([Path.Combine(_root.FullName, "tree")]).Select(e => e.Input!).Single(i => i.Path == fifo);
        Assert.True(pipe.RegularOnly);
        Assert.Equal(NotRegular, BoundedReader.ReadFile(pipe.Path, pipe.RegularOnly, listed: pipe.Kind).Error);
        Assert.Equal(NotRegular, BoundedReader.ReadFile(pipe.Path, pipe.RegularOnly).Error);
        Assert.False(FileKind.IsRegularFile(fifo));
        Assert.True(FileKind.IsRegularFile(Path.Combine(_root.FullName, "tree", "a.json")));
        Assert.False(FileKind.IsRegularFile(_root.FullName));
    }

    private const string NotRegular = "not a regular file (a FIFO, socket or device): skipped";

    private string MakeFifo(string relative)
    {
        var path = Path.Combine(_root.FullName, relative);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", path)) mkfifo.WaitForExit();
        return path;
    }

    // Regular files (one in a subfolder that sorts after a file of the same stem), a FIFO, a socket, and links:
    // to a file inside, to a file outside, to the tree itself, to a folder outside, to nothing.
    private string MakeMixedTree()
    {
        Make("tree/a.json");
        Make("tree/b.json");
        Make("tree/b/c.json");
        var outside = Make("outside/secret.json");
        var tree = Path.Combine(_root.FullName, "tree");
        MakeFifo("tree/pipe");
        // The socket file lasts as long as the socket: .NET removes it on closing.
        _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(tree, "socket")));
        File.CreateSymbolicLink(Path.Combine(tree, "link-in.json"), Path.Combine(tree, "a.json"));
        File.CreateSymbolicLink(Path.Combine(tree, "link-out.json"), outside);
        Directory.CreateSymbolicLink(Path.Combine(tree, "loop"), tree);
        Directory.CreateSymbolicLink(Path.Combine(tree, "out"), Path.Combine(_root.FullName, "outside"));
        File.CreateSymbolicLink(Path.Combine(tree, "dangling.json"), Path.Combine(_root.FullName, "nothing"));
        return tree;
    }

    [Theory]
    [InlineData(nameof(DirectoryListing.Mode.Typed))]
    [InlineData(nameof(DirectoryListing.Mode.Untyped))]
    [InlineData(nameof(DirectoryListing.Mode.Managed))]
    public async Task Every_way_of_listing_walks_the_same_files_and_the_reader_refuses_the_same_ones(string mode)
    {
        if (OperatingSystem.IsWindows()) return;
        var tree = MakeMixedTree();
        var inputs = InputWalker.Expand([tree], Enum.Parse<DirectoryListing.Mode>(mode)).Select(e => e.Input!).ToList();

        Assert.Equal(["a.json", "b.json", Path.Combine("b", "c.json"), "link-in.json", "pipe", "socket"], inputs.Select(i => Path.GetRelativePath(tree, i.Path)));
        var errors = await Task.Run(() => inputs.Select(i => BoundedReader.ReadFile(i.Path, i.RegularOnly, listed: i.Kind).Error).ToList())
            .WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([null, null, null, null, NotRegular, NotRegular], errors);
    }

    [Fact]
    public void The_listing_tells_folders_regular_files_links_and_special_files_apart()
    {
        if (!OperatingSystem.IsLinux()) return;
        var tree = MakeMixedTree();
        var kinds = DirectoryListing.List(tree).ToDictionary(e => e.Name, e => e.Kind);

        Assert.Equal(10, kinds.Count); // no "." or ".."
        Assert.Equal(EntryKind.Folder, kinds["b"]);
        Assert.Equal(EntryKind.RegularFile, kinds["a.json"]);
        Assert.All(["link-in.json", "link-out.json", "loop", "out", "dangling.json"], name => Assert.Equal(EntryKind.Link, kinds[name]));
        Assert.Equal(EntryKind.Special, kinds["pipe"]);
        Assert.Equal(EntryKind.Special, kinds["socket"]);
    }

    [Theory]
    [InlineData(nameof(DirectoryListing.Mode.Typed))]
    [InlineData(nameof(DirectoryListing.Mode.Untyped))]
    [InlineData(nameof(DirectoryListing.Mode.Managed))]
    public void A_folder_that_cannot_be_listed_is_an_error_in_dotnet_words(string mode)
    {
        var listing = Enum.Parse<DirectoryListing.Mode>(mode);
        Assert.Throws<DirectoryNotFoundException>(() => DirectoryListing.List(Path.Combine(_root.FullName, "missing"), listing));
        Assert.ThrowsAny<IOException>(() => DirectoryListing.List(Make("file.json"), listing));
    }

    [Fact]
    public void The_walk_hands_the_reader_what_the_listing_said_and_a_link_as_unknown()
    {
        if (!OperatingSystem.IsLinux()) return;
        var tree = MakeMixedTree();
        var kinds = InputWalker.Expand([tree]).ToDictionary(e => Path.GetFileName(e.Input!.Path), e => e.Input!.Kind);

        Assert.Equal(EntryKind.RegularFile, kinds["a.json"]);
        Assert.Equal(EntryKind.RegularFile, kinds["c.json"]);
        Assert.Equal(EntryKind.Unknown, kinds["link-in.json"]); // the reader stats it: the link may lead to a FIFO
        Assert.Equal(EntryKind.Special, kinds["pipe"]);
    }

    [Fact]
    public void A_link_inside_the_tree_to_a_fifo_is_refused_by_the_reader()
    {
        if (OperatingSystem.IsWindows()) return;
        Make("tree/a.json");
        var fifo = MakeFifo("tree/pipe");
        var tree = Path.Combine(_root.FullName, "tree");
        File.CreateSymbolicLink(Path.Combine(tree, "link.json"), fifo);

        var link = InputWalker.Expand([tree]).Select(e => e.Input!).Single(i => i.Path.EndsWith("link.json", StringComparison.Ordinal));
        Assert.Equal(NotRegular, BoundedReader.ReadFile(link.Path, link.RegularOnly, listed: link.Kind).Error);
    }
}
