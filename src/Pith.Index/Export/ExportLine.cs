namespace Pith.Index.Export;

/// <summary>
/// A stored original as one line of JSON Lines. Records as the resolver serves them are one line already and are
/// written byte for byte. A pretty-printed original cannot be: its line breaks (CR, LF) are JSON white space, which
/// can only stand between tokens (inside a string a line break must be escaped), so each becomes a space and the
/// white space at both ends is dropped. That line parses to the same document: the same canonical record, hash,
/// Pith number and signature; only the bytes differ.
/// </summary>
public static class ExportLine
{
    /// <summary>The bytes to write for <paramref name="original"/> (without the line's own '\n'), and whether they differ from it.</summary>
    public static (ReadOnlyMemory<byte> Line, bool Reflowed) Of(byte[] original)
    {
        if (original.AsSpan().IndexOfAny((byte)'\n', (byte)'\r') < 0) return (original, false);
        var line = original.AsSpan().Trim(" \t\r\n"u8).ToArray();
        line.AsSpan().Replace((byte)'\n', (byte)' ');
        line.AsSpan().Replace((byte)'\r', (byte)' ');
        return (line, true);
    }
}
