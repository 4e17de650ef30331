namespace Pith.Core.Identifiers;

/// <summary>RFC 4648 base32 (alphabet A-Z2-7, upper case, no padding), as the Pith number uses it.</summary>
public static class Base32
{
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Encodes all bits of <paramref name="data"/>; the last character is zero-padded on the right.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        var chars = new char[(data.Length * 8 + 4) / 5];
        int buffer = 0, bits = 0, o = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[o++] = Alphabet[(buffer >> bits) & 31];
            }
        }
        if (bits > 0) chars[o++] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(chars, 0, o);
    }

    /// <summary>True when every character is in the upper-case alphabet.</summary>
    public static bool IsBase32(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) return false;
        return true;
    }
}
