using Pith.Core.Documents;

namespace Pith.Core.Inputs;

/// <summary>
/// Reads an input's bytes, never more than a record may hold plus one byte (enough for the reader to report the
/// size): a huge file or stream cannot exhaust memory.
/// </summary>
public static class BoundedReader
{
    public const int Limit = JsonDocumentReader.MaxBytes + 1;

    public static (byte[]? Bytes, string? Error) ReadFile(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var length = stream.Length;
            if (length < Limit)
            {
                // The common case: one allocation of the exact size.
                var bytes = new byte[length];
                stream.ReadExactly(bytes);
                return stream.ReadByte() < 0 ? (bytes, null) : (Read(stream, bytes), null);
            }
            return (Read(stream, []), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, "cannot read: " + e.Message);
        }
    }

    /// <summary>Reads a stream (standard input, a file that grew while read) up to the limit.</summary>
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
