using System.Diagnostics.CodeAnalysis;

namespace Pith.Core.Identifiers;

/// <summary>
/// A Pith number, <c>pith:YEAR:CODE</c> (spec section 3): CODE is the first 26 base32 characters
/// (130 bits) of the canonical digest, YEAR the first four characters of <c>submitted_at</c>.
/// The one place where a Pith number is derived, parsed and formatted.
/// </summary>
public readonly record struct PithNumber(string Year, string Code)
{
    public const int CodeLength = 26;
    public const int ShortCodeLength = 8;
    public const string Prefix = "pith:";

    /// <summary>The short form, <c>pith:</c> and the first 8 characters of the code.</summary>
    public string Short => Prefix + Code[..ShortCodeLength];

    public override string ToString() => Prefix + Year + ":" + Code;

    /// <summary>Derives the Pith number from a 32-byte canonical digest and the record's <c>submitted_at</c>.</summary>
    public static PithNumber Derive(ReadOnlySpan<byte> digest, string submittedAt)
    {
        if (digest.Length != 32) throw new ArgumentException("a SHA-256 digest is 32 bytes", nameof(digest));
        if (submittedAt.Length < 4) throw new ArgumentException("submitted_at has no year", nameof(submittedAt));
        // 17 bytes give 136 bits: enough for all 26 characters (the 26th takes bits of bytes 16 and 17).
        return new PithNumber(submittedAt[..4], Base32.Encode(digest[..17])[..CodeLength]);
    }

    /// <summary>Parses exactly <c>pith:YYYY:CODE</c> with an upper-case 26-character code.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PithNumber? number, out string? error)
    {
        number = null;
        error = null;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = "does not start with 'pith:'";
            return false;
        }
        var parts = text[Prefix.Length..].Split(':');
        if (parts.Length != 2)
        {
            error = "expected pith:YEAR:CODE";
            return false;
        }
        var (year, code) = (parts[0], parts[1]);
        if (year.Length != 4 || !year.All(char.IsAsciiDigit))
        {
            error = $"year '{year}' is not four digits";
            return false;
        }
        if (code.Length != CodeLength)
        {
            error = $"code has {code.Length} characters, expected {CodeLength}";
            return false;
        }
        if (!Base32.IsBase32(code))
        {
            error = "code has a character outside base32 (A-Z, 2-7)";
            return false;
        }
        number = new PithNumber(year, code);
        return true;
    }
}
