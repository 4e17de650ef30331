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
    public static string Canonicalize(string text) => string.Join(' ', PythonText.Split(PythonText.Lower(text)));

    /// <summary>Lower-case hex SHA-256 of the canonical text, or null when the text has a lone surrogate (no UTF-8 form).</summary>
    public static string? Sha256Hex(string text)
    {
        var canonical = Canonicalize(text);
        byte[] utf8;
        try
        {
            utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(canonical);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
        return Convert.ToHexStringLower(SHA256.HashData(utf8));
    }

    /// <summary>True when the text has any character outside ASCII, where normalisation could matter.</summary>
    public static bool HasNonAscii(string text) => !System.Text.Ascii.IsValid(text);
}
