using Pith.Core.Documents;
using Pith.Core.Inputs;
using Xunit;

namespace Pith.Core.Tests.Inputs;

public sealed class BoundedReaderTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pith-read-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Reads_a_file_whole()
    {
        var path = Path.Combine(_folder.FullName, "a.json");
        File.WriteAllText(path, "{\"a\":1}");
        Assert.Equal("{\"a\":1}"u8.ToArray(), BoundedReader.ReadFile(path).Bytes);
        Assert.Null(BoundedReader.ReadFile(path).OversizeLength);
    }

    [Fact]
    public void Reads_a_file_into_an_array_rented_from_a_pool_and_says_how_much_of_it_holds_the_file()
    {
        var path = Path.Combine(_folder.FullName, "a.json");
        File.WriteAllText(path, "{\"a\":1}");
        var pool = System.Buffers.ArrayPool<byte>.Create(1024, 4);
        var read = BoundedReader.ReadFile(path, pool: pool);
        Assert.True(read.Rented);
        Assert.Equal(7, read.Length);
        Assert.True(read.Bytes!.Length >= 16, "a pooled array has its bucket's size, not the file's");
        Assert.Equal("{\"a\":1}"u8.ToArray(), read.Bytes.AsSpan(0, read.Length).ToArray());
        Assert.False(BoundedReader.ReadFile(path).Rented);
    }

    [Fact]
    public void Does_not_read_a_file_larger_than_a_record_but_gives_its_size()
    {
        var path = Path.Combine(_folder.FullName, "big.bin");
        using (var file = File.Create(path)) file.SetLength(JsonDocumentReader.MaxBytes * 3L);
        var read = BoundedReader.ReadFile(path);
        Assert.Null(read.Bytes);
        Assert.Equal(JsonDocumentReader.MaxBytes * 3L, read.OversizeLength);
    }

    [Fact]
    public void Reads_a_stream_no_more_than_one_byte_past_the_limit() =>
        Assert.Equal(JsonDocumentReader.MaxBytes + 1, BoundedReader.Read(new MemoryStream(new byte[JsonDocumentReader.MaxBytes * 2]), []).Length);

    [Fact]
    public void Names_what_cannot_be_read()
    {
        var read = BoundedReader.ReadFile(Path.Combine(_folder.FullName, "missing.json"));
        Assert.Null(read.Bytes);
        Assert.StartsWith("cannot read: ", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_a_named_pipe_like_a_stream()
    {
        if (OperatingSystem.IsWindows()) return;
        var fifo = Path.Combine(_folder.FullName, "pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo)) mkfifo.WaitForExit();
        var writer = Task.Run(() => File.WriteAllText(fifo, "{\"a\":1}"));
        var read = BoundedReader.ReadFile(fifo);
        await writer.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(read.Error);
        Assert.Equal("{\"a\":1}"u8.ToArray(), read.Bytes);
    }
}
