using Pith.Core.Documents;

namespace Pith.Core.Inputs;

/// <summary>
/// Reads an input's bytes, never more than a record may hold plus one byte: a huge file or stream cannot exhaust
/// memory. A file known to be too large is not read at all.
/// </summary>
public static class BoundedReader
{
    public const int Limit = JsonDocumentReader.MaxBytes + 1;

    /// <summary>The file's bytes; or, for a file larger than a record may be, its size; or why it cannot be read.</summary>
    public static ReadOutcome ReadFile(string path)
    {
        try
        {
            // One open, one fstat, one read (of one byte more than the size, to see the end): imports read many files.
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var length = RandomAccess.GetLength(handle);
            if (length > JsonDocumentReader.MaxBytes) return new ReadOutcome(null, length, null);
            var buffer = new byte[length + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = RandomAccess.Read(handle, buffer.AsSpan(read), read)) > 0) read += n;
            if (read <= length) return new ReadOutcome(buffer[..read], null, null);
            // Length 0 for a pipe or a special file, or a file that grew while read: go on as a stream, bounded.
            using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            stream.Position = read;
            return new ReadOutcome(Read(stream, buffer), null, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ReadOutcome(null, null, "cannot read: " + e.Message);
        }
    }

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
public readonly record struct ReadOutcome(byte[]? Bytes, long? OversizeLength, string? Error);
