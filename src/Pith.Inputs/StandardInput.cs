using Pith.Core.Documents;

namespace Pith.Inputs;

/// <summary>
/// Standard input is either JSON Lines (an export piped in) or one document (possibly pretty-printed): it is
/// JSON Lines when its first non-blank line is a complete JSON value by itself.
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
        while (head.Length <= JsonDocumentReader.MaxBytes && (read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            head.Write(buffer, 0, read);
            firstLineEnd = FirstNonBlankLineEnd(head.GetBuffer().AsSpan(0, (int)head.Length));
            if (firstLineEnd >= 0) break;
        }
        var bytes = head.GetBuffer().AsSpan(0, (int)head.Length);
        var firstLine = firstLineEnd >= 0 ? bytes[..firstLineEnd] : bytes;
        var isJsonLines = firstLineEnd >= 0 && IsCompleteJson(firstLine.ToArray());
        head.Position = 0;
        return (new ConcatenatedStream(head, input), isJsonLines);
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
