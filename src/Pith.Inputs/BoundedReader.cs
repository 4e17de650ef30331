using System.Buffers;
using Pith.Core.Documents;

namespace Pith.Inputs;

/// <summary>
/// Reads an input's bytes, never more than a record may hold plus one byte: a huge file or stream cannot exhaust
/// memory. A file known to be too large is not read at all.
/// </summary>
public static class BoundedReader
{
    public const int Limit = JsonDocumentReader.MaxBytes + 1;

    internal static readonly ReadOutcome NotRegularFile = new(null, null, "not a regular file (a FIFO, socket or device): skipped");

    /// <summary>
    /// The file's bytes; or, for a file larger than a record may be, its size; or why it cannot be read. With a
    /// <paramref name="pool"/>, a regular file is read into an array rented from it (longer than the file: see
    /// <see cref="ReadOutcome.Length"/>), which the caller returns: a bulk import then allocates no array per file.
    /// <paramref name="listed"/> is what the folder's listing said the file is (<see cref="Input.Kind"/>).
    /// </summary>
    public static ReadOutcome ReadFile(string path, bool regularOnly = false, ArrayPool<byte>? pool = null, EntryKind listed = EntryKind.Unknown)
    {
        if (regularOnly)
        {
            // A FIFO found in a folder would block the open for ever; a device or socket is no record either. A
            // regular file by the listing needs no stat: the native read opens it without blocking and checks it.
            if (IsNotRegular(path, listed)) return NotRegularFile;
            if (NativeFileReader.TryRead(path, pool) is { } read) return read;
            // Not read there: what the listing said may no longer hold.
            if (listed == EntryKind.RegularFile && !FileKind.IsRegularFile(path)) return NotRegularFile;
        }
        try
        {
            // Paths the user named (perhaps pipes), other systems, and files the native read left.
            using var handle = Open(path);
            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            // A pipe (e.g. <(curl ...)) or a device cannot seek: read it as a stream, bounded.
            if (!stream.CanSeek) return new ReadOutcome(Read(stream, []), null, null);
            var length = RandomAccess.GetLength(handle);
            if (length > JsonDocumentReader.MaxBytes) return new ReadOutcome(null, length, null);
            var size = (int)length;
            var bytes = size > 0 && pool is not null ? pool.Rent(size) : new byte[size];
            var read = 0;
            int n;
            while (read < size && (n = RandomAccess.Read(handle, bytes.AsSpan(read, size - read), read)) > 0) read += n;
            // One byte more shows the end; a special file (length 0) or a file that grew goes on as a stream.
            Span<byte> probe = stackalloc byte[1];
            if (read == size && RandomAccess.Read(handle, probe, read) == 0)
                return new ReadOutcome(bytes, null, null) { Length = size, Rented = size > 0 && pool is not null };
            stream.Position = read + 1;
            byte[] rest = [.. bytes.AsSpan(0, read), .. probe];
            if (size > 0) pool?.Return(bytes);
            return new ReadOutcome(Read(stream, rest), null, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return new ReadOutcome(null, null, "cannot read: " + IoMessages.Reason(e, path));
        }
    }

    /// <summary>
    /// Whether a file found in a folder is no regular file, by its listing's kind (<paramref name="listed"/>) or else a
    /// stat: it is not to be opened, since opening a FIFO blocks until something writes to it.
    /// </summary>
    internal static bool IsNotRegular(string path, EntryKind listed) =>
        listed == EntryKind.Special || listed != EntryKind.RegularFile && !FileKind.IsRegularFile(path);

    /// <summary>Opens a file to read: by its true bytes when .NET cannot name it (<see cref="FileNames"/>), else as .NET does.</summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle Open(string path) =>
        (FileNames.HasEscapedBytes(path) ? NativeFileReader.TryOpen(path) : null) ?? File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);

    /// <summary>Reads a stream (standard input, a pipe) up to the limit.</summary>
    public static byte[] Read(Stream stream, byte[] prefix)
    {
        var buffer = new MemoryStream();
        buffer.Write(prefix);
        var chunk = new byte[1 << 16];
        int read;
        while (buffer.Length < Limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, Limit - buffer.Length))) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }
}

/// <summary>What reading one input gave: its bytes, or the size of a file too large to be a record, or an I/O error.</summary>
public readonly record struct ReadOutcome(byte[]? Bytes, long? OversizeLength, string? Error)
{
    /// <summary>How many bytes of <see cref="Bytes"/> were read: all of them, unless the array was rented from a pool.</summary>
    public int Length { get; init; } = Bytes?.Length ?? 0;

    /// <summary>Whether <see cref="Bytes"/> was rented from the pool given to the read, to be returned to it.</summary>
    public bool Rented { get; init; }
}
