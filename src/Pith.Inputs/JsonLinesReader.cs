using Pith.Core.Documents;

namespace Pith.Inputs;

/// <summary>
/// Streams a JSON Lines file: each non-blank line is one input, with its 1-based line number. Lines longer than a
/// record may be are reported, not held in memory.
/// </summary>
public static class JsonLinesReader
{
    public static bool IsJsonLines(string path) => path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    /// <summary>Each line's bytes (without its line break), or an error for a line that is too long.</summary>
    public static IEnumerable<(long Line, byte[]? Bytes, string? Error)> Read(Stream stream)
    {
        var buffer = new byte[1 << 16];
        var current = new MemoryStream();
        var line = 1L;
        var tooLong = false;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                Append(current, buffer.AsSpan(start, i - start), ref tooLong);
                if (Take(current, line, ref tooLong) is { } item) yield return item;
                line++;
                start = i + 1;
            }
            Append(current, buffer.AsSpan(start, read - start), ref tooLong);
        }
        if (Take(current, line, ref tooLong) is { } last) yield return last;
    }

    private static void Append(MemoryStream current, ReadOnlySpan<byte> bytes, ref bool tooLong)
    {
        if (tooLong) return;
        if (current.Length + bytes.Length > JsonDocumentReader.MaxBytes)
        {
            tooLong = true;
            current.SetLength(0);
            return;
        }
        current.Write(bytes);
    }

    private static (long, byte[]?, string?)? Take(MemoryStream current, long line, ref bool tooLong)
    {
        if (tooLong)
        {
            tooLong = false;
            return (line, null, $"line longer than the {JsonDocumentReader.MaxBytes} bytes a record may have");
        }
        var bytes = current.ToArray();
        current.SetLength(0);
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
        return bytes.AsSpan().IndexOfAnyExcept(" \t"u8) < 0 ? null : (line, bytes, null);
    }
}
