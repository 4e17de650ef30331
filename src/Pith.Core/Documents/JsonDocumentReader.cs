using System.Text.Json;
using System.Text.Unicode;

namespace Pith.Core.Documents;

/// <summary>
/// Reads untrusted bytes as one JSON document, strictly: UTF-8 only (a leading BOM tolerated), no
/// duplicate keys anywhere (parsers disagree on them, so such a record is ambiguous), bounded depth and size.
/// </summary>
public static class JsonDocumentReader
{
    public const int MaxDepth = 64;
    public const int MaxBytes = 16 * 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = MaxDepth,
        AllowDuplicateProperties = false,
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>The parsed document (the caller disposes it), or a one-line reason.</summary>
    public static ParseResult<JsonDocument> Read(ReadOnlyMemory<byte> bytes)
    {
        // A stream cut one byte past the limit (BoundedReader) has no known size: say only that it is too large.
        if (bytes.Length > MaxBytes) return ParseResult<JsonDocument>.ForError(TooLarge(bytes.Length > MaxBytes + 1 ? bytes.Length : null));
        var span = bytes.Span;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        span = bytes.Span;
        if (LooksLikeUtf16(span)) return ParseResult<JsonDocument>.ForError("not JSON: the file is UTF-16, records are UTF-8");
        if (span.IsEmpty || span.IndexOfAnyExcept(" \t\r\n"u8) < 0)
            return ParseResult<JsonDocument>.ForError("empty file, not JSON");
        if (!Utf8.IsValid(span))
            return ParseResult<JsonDocument>.ForError("not JSON: the file is not valid UTF-8");
        try
        {
            return ParseResult<JsonDocument>.ForValue(JsonDocument.Parse(bytes, Options));
        }
        catch (JsonException e)
        {
            return ParseResult<JsonDocument>.ForError(Describe(e, span));
        }
        catch (InvalidOperationException)
        {
            // The duplicate-key check decodes every key; one holding a lone surrogate escape cannot be decoded
            // (nor UTF-8 encoded by the resolver).
            return ParseResult<JsonDocument>.ForError("a key holds a lone surrogate escape, which has no UTF-8 form");
        }
    }

    /// <summary>The reason a document too large to be a record is refused; its size when known.</summary>
    public static string TooLarge(long? size) =>
        size is { } n ? $"file is {n} bytes, more than the {MaxBytes} a record may have" : $"more than the {MaxBytes} bytes a record may have";

    // A UTF-16 byte order mark, or ASCII text in UTF-16: of the first bytes (an even number), every other one NUL, from the
    // first (big-endian) or the second (little-endian), the others not. Other NULs make no UTF-16 text.
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> span)
    {
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return true;
        if (span.Length < 2 || span.Length % 2 != 0) return false;
        var head = span[..Math.Min(span.Length, 16)];
        return AlternatesWithNul(head, nulFirst: true) || AlternatesWithNul(head, nulFirst: false);
    }

    private static bool AlternatesWithNul(ReadOnlySpan<byte> span, bool nulFirst)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if ((span[i] == 0) != (i % 2 == 0 == nulFirst)) return false;
        }
        return true;
    }

    private static string Describe(JsonException e, ReadOnlySpan<byte> span)
    {
        var first = span[span.IndexOfAnyExcept(" \t\r\n"u8)];
        if (first is not ((byte)'{' or (byte)'[' or (byte)'"'))
            return first == (byte)'<' ? "not JSON: looks like an HTML or XML page" : "not JSON: the file does not start with '{'";
        var message = e.Message;
        if (message.Contains("Duplicate property", StringComparison.Ordinal))
            return "duplicate key: " + FirstSentence(message) + " (ambiguous: JSON parsers disagree on which value wins)";
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
            return $"nested deeper than {MaxDepth} levels";
        // System.Text.Json's words for a document that stops inside an object or array.
        if (message.Contains("Expected depth to be zero", StringComparison.Ordinal))
            message = "it ends before every object and array is closed (cut short?)";
        var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        return "malformed JSON" + where + ": " + FirstSentence(message);
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        var text = cut >= 0 ? message[..cut] : message.TrimEnd('.');
        // JsonException messages end with the path and position: keep them out of the one-line reason.
        var pathAt = text.IndexOf(" Path:", StringComparison.Ordinal);
        return (pathAt >= 0 ? text[..pathAt] : text).TrimEnd('.');
    }
}
