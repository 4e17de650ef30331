using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Pith.Core.Text;

/// <summary>
/// The text canonicalisation behind <c>title_canon_sha256</c> and <c>abstract_canon_sha256</c> (spec section 6):
/// Python's <c>" ".join(s.lower().split())</c>, hashed as UTF-8. No Unicode normalisation (whether the resolver
/// applies one is unknown).
/// </summary>
public static class CanonicalText
{
    private const int MaxStackText = 4096;

    [ThreadStatic]
    private static StringBuilder? _builder;

    public static string Canonicalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        PythonText.LowerSplitJoin(text, sb);
        return sb.ToString();
    }

    /// <summary>Lower-case hex SHA-256 of the canonical text, or null when the text has a lone surrogate (no UTF-8 form).</summary>
    public static string? Sha256Hex(string text)
    {
        if (text.Length <= MaxStackText && Ascii.IsValid(text)) return AsciiSha256Hex(text);
        // Called for every title and abstract of a bulk import: reuse one builder and buffer per thread.
        var sb = _builder ??= new StringBuilder(1024);
        sb.Clear();
        PythonText.LowerSplitJoin(text, sb);
        var utf16 = sb.Length <= 4096 ? stackalloc char[sb.Length] : new char[sb.Length];
        sb.CopyTo(0, utf16, sb.Length);
        var rented = ArrayPool<byte>.Shared.Rent(utf16.Length * 3);
        try
        {
            if (System.Text.Unicode.Utf8.FromUtf16(utf16, rented, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
                return null;
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(rented.AsSpan(0, written), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // Most titles and abstracts are ASCII: lowered and joined straight into their UTF-8 bytes, in one pass.
    private static string AsciiSha256Hex(string text)
    {
        // Without a branch on white space, which words make unpredictable: each character writes a space and itself
        // after it, and the count of bytes kept moves past the space only when one is due, past the character only
        // when it is not white space (so one byte more than the text, for the last tentative write).
        Span<byte> canonical = stackalloc byte[text.Length + 1];
        var written = 0;
        var pendingSpace = 0;
        var table = AsciiCanonical;
        foreach (var c in text)
        {
            var lowered = table[c];
            // 1 when lowered is below AsciiWhiteSpace (a character to keep), else 0; likewise 1 when written > 0.
            var kept = (lowered - AsciiWhiteSpace) >>> 31;
            var space = pendingSpace & kept;
            canonical[written] = (byte)' ';
            canonical[written + space] = lowered;
            written += space + kept;
            pendingSpace = (1 - kept) & (-written >>> 31);
        }
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(canonical[..written], digest);
        return Convert.ToHexStringLower(digest);
    }

    // Each ASCII character lowered, or AsciiWhiteSpace: one look-up per character of most titles and abstracts.
    private const byte AsciiWhiteSpace = 0xFF;
    private static readonly byte[] AsciiCanonical = [.. Enumerable.Range(0, 128).Select(c => PythonText.IsWhiteSpace(c) ? AsciiWhiteSpace : (byte)(c is >= 'A' and <= 'Z' ? c + 32 : c))];

    /// <summary>True when the text has any character outside ASCII, where normalisation could matter.</summary>
    public static bool HasNonAscii(string text) => !Ascii.IsValid(text);
}
