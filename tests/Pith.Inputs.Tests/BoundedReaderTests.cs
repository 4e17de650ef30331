using System.Net.Sockets;
using Pith.Core.Documents;
using Xunit;

namespace Pith.Inputs.Tests;

public sealed class BoundedReaderTests : IDisposable
{
    private const string NotRegular = "not a regular file (a FIFO, socket or device): skipped";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pith-read-");

    public void Dispose() => _folder.Delete(recursive: true);

    // A file is read the same whether the user named it, a walk found it, or the walk's listing said it is regular
    // (the native read on Linux).
    public static TheoryData<bool, EntryKind> HowFound => new()
    {
        { false, EntryKind.Unknown },
        { true, EntryKind.Unknown },
        { true, EntryKind.RegularFile },
    };

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string MakeFifo(string name)
    {
        var path = Path.Combine(_folder.FullName, name);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", path)) mkfifo.WaitForExit();
        return path;
    }

    [Theory]
    [MemberData(nameof(HowFound))]
    public void Reads_a_file_whole(bool regularOnly, EntryKind listed)
    {
        var path = Write("a.json", "{\"a\":1}"u8.ToArray());
        var read = BoundedReader.ReadFile(path, regularOnly, listed: listed);
        Assert.Equal("{\"a\":1}"u8.ToArray(), read.Bytes);
        Assert.Null(read.OversizeLength);
        Assert.Null(read.Error);
    }

    [Theory]
    [MemberData(nameof(HowFound))]
    public void Reads_a_file_into_an_array_rented_from_a_pool_and_says_how_much_of_it_holds_the_file(bool regularOnly, EntryKind listed)
    {
        var path = Write("a.json", "{\"a\":1}"u8.ToArray());
        var pool = System.Buffers.ArrayPool<byte>.Create(1024, 4);
        var read = BoundedReader.ReadFile(path, regularOnly, pool, listed);
        Assert.True(read.Rented);
        Assert.Equal(7, read.Length);
        Assert.True(read.Bytes!.Length >= 16, "a pooled array has its bucket's size, not the file's");
        Assert.Equal("{\"a\":1}"u8.ToArray(), read.Bytes.AsSpan(0, read.Length).ToArray());
        Assert.False(BoundedReader.ReadFile(path, regularOnly, listed: listed).Rented);
    }

    [Theory]
    [MemberData(nameof(HowFound))]
    public void Reads_a_file_of_exactly_a_pool_bucket_whole_with_its_length(bool regularOnly, EntryKind listed)
    {
        // 4096 bytes fill a bucket exactly: the byte read past the end must not need room in the array.
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray();
        var path = Write("full.bin", bytes);
        var pool = System.Buffers.ArrayPool<byte>.Create(1 << 20, 4);
        var read = BoundedReader.ReadFile(path, regularOnly, pool, listed);
        Assert.Equal(4096, read.Length);
        Assert.Equal(bytes, read.Bytes.AsSpan(0, read.Length).ToArray());
        Assert.Equal(bytes, BoundedReader.ReadFile(path, regularOnly, listed: listed).Bytes);
    }

    [Theory]
    [MemberData(nameof(HowFound))]
    public void Reads_an_empty_file_as_no_bytes(bool regularOnly, EntryKind listed)
    {
        var path = Write("empty.json", []);
        var read = BoundedReader.ReadFile(path, regularOnly, System.Buffers.ArrayPool<byte>.Create(1024, 4), listed);
        Assert.Null(read.Error);
        Assert.Equal(0, read.Length);
        Assert.False(read.Rented);
        Assert.Empty(read.Bytes!);
    }

    [Theory]
    [MemberData(nameof(HowFound))]
    public void Reads_a_file_at_the_size_limit_but_not_one_byte_more(bool regularOnly, EntryKind listed)
    {
        var atLimit = Path.Combine(_folder.FullName, "limit.bin");
        using (var file = File.Create(atLimit)) file.SetLength(JsonDocumentReader.MaxBytes);
        var read = BoundedReader.ReadFile(atLimit, regularOnly, listed: listed);
        Assert.Equal(JsonDocumentReader.MaxBytes, read.Length);
        Assert.Null(read.OversizeLength);

        var over = Path.Combine(_folder.FullName, "over.bin");
        using (var file = File.Create(over)) file.SetLength(JsonDocumentReader.MaxBytes + 1L);
        read = BoundedReader.ReadFile(over, regularOnly, listed: listed);
        Assert.Null(read.Bytes);
        Assert.Equal(JsonDocumentReader.MaxBytes + 1L, read.OversizeLength);
    }

    [Theory]
    [MemberData(nameof(HowFound))]
    public void Does_not_read_a_file_larger_than_a_record_but_gives_its_size(bool regularOnly, EntryKind listed)
    {
        var path = Path.Combine(_folder.FullName, "big.bin");
        using (var file = File.Create(path)) file.SetLength(JsonDocumentReader.MaxBytes * 3L);
        var read = BoundedReader.ReadFile(path, regularOnly, listed: listed);
        Assert.Null(read.Bytes);
        Assert.Equal(JsonDocumentReader.MaxBytes * 3L, read.OversizeLength);
    }

    [Theory]
    [MemberData(nameof(HowFound))]
    public void Reads_on_past_the_size_a_regular_file_claims(bool regularOnly, EntryKind listed)
    {
        // A file that grows while read looks the same: more bytes than its size. /proc files claim size 0.
        if (!OperatingSystem.IsLinux()) return;
        var read = BoundedReader.ReadFile("/proc/self/status", regularOnly, listed: listed);
        Assert.Null(read.Error);
        Assert.StartsWith("Name:", System.Text.Encoding.UTF8.GetString(read.Bytes!), StringComparison.Ordinal);
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
        var fifo = MakeFifo("pipe");
        var writer = Task.Run(() => File.WriteAllText(fifo, "{\"a\":1}"));
        var read = BoundedReader.ReadFile(fifo);
        await writer.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Null(read.Error);
        Assert.Equal("{\"a\":1}"u8.ToArray(), read.Bytes);
    }

    [Fact]
    public void Takes_the_listings_word_that_an_entry_is_special_without_looking()
    {
        var path = Write("a.json", "{}"u8.ToArray());
        Assert.Equal(NotRegular, BoundedReader.ReadFile(path, regularOnly: true, listed: EntryKind.Special).Error);
    }

    [Fact]
    public async Task A_fifo_put_where_the_listing_saw_a_regular_file_is_refused_without_blocking()
    {
        if (OperatingSystem.IsWindows()) return;
        var fifo = MakeFifo("swapped");
        var read = await Task.Run(() => BoundedReader.ReadFile(fifo, regularOnly: true, listed: EntryKind.RegularFile)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(NotRegular, read.Error);
    }

    [Fact]
    public void A_device_put_where_the_listing_saw_a_regular_file_is_refused()
    {
        // /dev/null reads as an empty file: only the type of what was opened tells it apart.
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(NotRegular, BoundedReader.ReadFile("/dev/null", regularOnly: true, listed: EntryKind.RegularFile).Error);
        Assert.Equal(NotRegular, BoundedReader.ReadFile("/dev/null", regularOnly: true).Error);
    }

    [Fact]
    public void A_socket_put_where_the_listing_saw_a_regular_file_is_refused()
    {
        // A socket cannot be opened at all: that failure alone must not pass for an I/O error.
        if (OperatingSystem.IsWindows()) return;
        var path = Path.Combine(_folder.FullName, "socket");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path)); // the file lasts as long as the socket
        Assert.True(File.Exists(path));
        Assert.Equal(NotRegular, BoundedReader.ReadFile(path, regularOnly: true, listed: EntryKind.RegularFile).Error);
    }
}
