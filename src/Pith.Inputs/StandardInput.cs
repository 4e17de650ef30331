using Pith.Core.Documents;

namespace Pith.Inputs;

/// <summary>
/// Standard input is either JSON Lines (an export piped in) or one document (possibly pretty-printed): it is
/// JSON Lines when its first non-blank line is a complete JSON value by itself, or when, that line being none, a later
/// line is an object with members by itself (JSON Lines whose first line is damaged: a pretty-printer never puts an
/// object's members on one line).
/// </summary>
public static class StandardInput
{
    /// <summary>Whether standard input was closed when pith started (<c>pith verify - &lt;&amp;-</c>); see <see cref="StandardStreams"/>.</summary>
    public static bool IsClosed() => StandardStreams.IsClosed(StandardStreams.Input);

    /// <summary>The stream to read from the start, and whether to read it line by line.</summary>
    public static (Stream Stream, bool IsJsonLines) Classify(Stream input)
    {
        // Look at no more than a record may hold; a document is read whole anyway.
        var head = new MemoryStream();
        var buffer = new byte[1 << 16];
        int read;
        var firstLineEnd = -1;
        var nextLine = 0;
        var isJsonLines = false;
        while (!isJsonLines && head.Length <= JsonDocumentReader.MaxBytes && (read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            head.Write(buffer, 0, read);
            var bytes = head.GetBuffer().AsSpan(0, (int)head.Length);
            if (firstLineEnd < 0)
            {
                firstLineEnd = FirstNonBlankLineEnd(bytes);
                if (firstLineEnd < 0) continue;
                isJsonLines = IsCompleteJson(bytes[..firstLineEnd].ToArray());
                nextLine = firstLineEnd + 1;
            }
            if (!isJsonLines) isJsonLines = HasObjectLine(bytes, ref nextLine);
        }
        head.Position = 0;
        return (new ConcatenatedStream(head, input), isJsonLines);
    }

    // Whether a whole line from nextLine on is an object with members by itself; nextLine moves past the lines looked at.
    private static bool HasObjectLine(ReadOnlySpan<byte> bytes, ref int nextLine)
    {
        while (bytes[nextLine..].IndexOf((byte)'\n') is var end and >= 0)
        {
            var line = bytes.Slice(nextLine, end).Trim(" \t\r"u8);
            nextLine += end + 1;
            if (line.Length > 2 && line[0] == (byte)'{' && IsObjectWithMembers(line.ToArray())) return true;
        }
        return false;
    }

    private static bool IsObjectWithMembers(byte[] line)
    {
        var parsed = JsonDocumentReader.Read(line);
        using var document = parsed.Value;
        return document is not null && document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
               && document.RootElement.EnumerateObject().Any();
    }

    private static int FirstNonBlankLineEnd(ReadOnlySpan<byte> bytes)
    {
        var start = 0;
        while (true)
        {
            var end = bytes[start..].IndexOf((byte)'\n');
            if (end < 0) return -1;
            if (bytes.Slice(start, end).IndexOfAnyExcept(" \t\r"u8) >= 0) return start + end;
            start += end + 1;
        }
    }

    private static bool IsCompleteJson(byte[] line)
    {
        var parsed = JsonDocumentReader.Read(line);
        parsed.Value?.Dispose();
        return parsed.Success;
    }

    /// <summary>The bytes already read, then the rest of the input.</summary>
    private sealed class ConcatenatedStream(Stream first, Stream rest) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = first.Read(buffer, offset, count);
            return n > 0 ? n : rest.Read(buffer, offset, count);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                first.Dispose();
                rest.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
