using Pith.Inputs.Files;
using Xunit;

namespace Pith.Inputs.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pith-atomic-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_folder.FullName, "out.jsonl");
        File.WriteAllText(path, "old");
        AtomicFile.Write(path, s => s.Write("new"u8));
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder.FullName));
    }

    [Fact]
    public void A_failure_while_writing_leaves_the_old_file_untouched()
    {
        var path = Path.Combine(_folder.FullName, "out.jsonl");
        File.WriteAllText(path, "old");
        Assert.Throws<IOException>(() => AtomicFile.Write(path, s =>
        {
            s.Write("partial"u8);
            throw new IOException("disk full");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder.FullName));
    }
}
