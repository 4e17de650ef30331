using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pith.Core.Json;

/// <summary>
/// The canonical JSON writer of spec section 2: byte for byte what Python writes with
/// <c>json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")</c>.
/// Keys sort by code point, only <c>"</c>, <c>\</c> and controls below U+0020 are escaped, integers keep
/// every digit. Floats are refused (no record holds one and Python's repr is not reproduced), and so are
/// lone surrogates (Python cannot UTF-8 encode them either).
/// </summary>
public static class CanonicalJson
{
    /// <summary>Python refuses to convert integers longer than this (sys.int_info.default_max_str_digits).</summary>
    public const int MaxIntegerDigits = 4300;

    private static readonly byte[] Hex = "0123456789abcdef"u8.ToArray();

    /// <summary>Writes the canonical form of <paramref name="value"/>; returns an error instead when it has none (and writes nothing).</summary>
    public static CanonicalJsonError? TryWrite(JsonElement value, IBufferWriter<byte> output)
    {
        var buffer = Buffer();
        var error = TryWrite(value, buffer, anyNumber: false);
        if (error is null) output.Write(buffer.WrittenSpan);
        return error;
    }

    /// <summary>
    /// The SHA-256 of a JSON value written canonically, numbers included: <see cref="TryWrite(JsonElement, IBufferWriter{byte})"/>
    /// except that a float, or an integer too long for Python, is written as its shortest round-trip double (so equal
    /// numbers compare equal). This is no resolver digest: it only tells whether two documents hold the same value.
    /// Null when the value holds a lone surrogate.
    /// </summary>
    public static byte[]? ValueSha256(JsonElement value)
    {
        var buffer = Buffer();
        return TryWrite(value, buffer, anyNumber: true) is null ? SHA256.HashData(buffer.WrittenSpan) : null;
    }

    private static CanonicalJsonError? TryWrite(JsonElement value, ArrayBufferWriter<byte> output, bool anyNumber)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return WriteObject(value, output, anyNumber);
            case JsonValueKind.Array:
                Put(output, "["u8);
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!first) Put(output, ","u8);
                    first = false;
                    if (TryWrite(item, output, anyNumber) is { } error) return error;
                }
                Put(output, "]"u8);
                return null;
            case JsonValueKind.String:
                return WriteString(value, output);
            case JsonValueKind.Number:
                return WriteNumber(value, output, anyNumber);
            case JsonValueKind.True:
                Put(output, "true"u8);
                return null;
            case JsonValueKind.False:
                Put(output, "false"u8);
                return null;
            case JsonValueKind.Null:
                Put(output, "null"u8);
                return null;
            default:
                throw new ArgumentException($"not a JSON value: {value.ValueKind}", nameof(value));
        }
    }

    /// <summary>The canonical bytes of <paramref name="value"/>, or the reason it has none.</summary>
    public static (byte[]? Bytes, CanonicalJsonError? Error) Serialize(JsonElement value)
    {
        var buffer = Buffer();
        var error = TryWrite(value, buffer, anyNumber: false);
        return error is null ? (buffer.WrittenSpan.ToArray(), null) : (null, error);
    }

    /// <summary>SHA-256 of the canonical bytes: the canonical digest of spec section 2.</summary>
    public static (byte[]? Digest, CanonicalJsonError? Error) Sha256(JsonElement value)
    {
        var buffer = Buffer();
        var error = TryWrite(value, buffer, anyNumber: false);
        return error is null ? (SHA256.HashData(buffer.WrittenSpan), null) : (null, error);
    }

    /// <summary>Whether two values have the same canonical form (both must have one).</summary>
    public static bool CanonicallyEqual(JsonElement a, JsonElement b)
    {
        var first = Buffer();
        var second = _second ??= new ArrayBufferWriter<byte>(256);
        second.ResetWrittenCount();
        return TryWrite(a, first, anyNumber: false) is null && TryWrite(b, second, anyNumber: false) is null && first.WrittenSpan.SequenceEqual(second.WrittenSpan);
    }

    // One buffer per thread: verification canonicalises every record of a bulk import.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _second;

    private static ArrayBufferWriter<byte> Buffer()
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        return buffer;
    }

    // Straight to the sealed buffer: through IBufferWriter every piece written cost two interface calls.
    private static void Put(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }

    private static CanonicalJsonError? WriteObject(JsonElement value, ArrayBufferWriter<byte> output, bool anyNumber)
    {
        // Sorting UTF-8 bytes ordinally is sorting by code point (UTF-16 order differs above U+FFFF).
        var members = new Member[value.GetPropertyCount()];
        var count = 0;
        foreach (var property in value.EnumerateObject())
        {
            var member = new Member(property, null);
            if (member.RawName.IndexOf((byte)'\\') >= 0)
            {
                // Only escaped names are decoded; the rest are their own UTF-8.
                if (!TryName(property, out var decoded)) return new CanonicalJsonError("a key holds a lone surrogate escape, which has no UTF-8 form");
                member = member with { Decoded = decoded };
            }
            // Insertion sort: objects here have a handful of members.
            var at = count++;
            while (at > 0 && members[at - 1].Name.SequenceCompareTo(member.Name) > 0)
            {
                members[at] = members[at - 1];
                at--;
            }
            members[at] = member;
        }
        Put(output, "{"u8);
        for (var i = 0; i < count; i++)
        {
            if (i > 0) Put(output, ","u8);
            WriteEscaped(members[i].Name, output);
            Put(output, ":"u8);
            if (TryWrite(members[i].Property.Value, output, anyNumber) is { } error) return error;
        }
        Put(output, "}"u8);
        return null;
    }

    private readonly record struct Member(JsonProperty Property, byte[]? Decoded)
    {
        public ReadOnlySpan<byte> RawName => System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(Property);

        public ReadOnlySpan<byte> Name => Decoded ?? RawName;
    }

    private static CanonicalJsonError? WriteString(JsonElement value, ArrayBufferWriter<byte> output)
    {
        // A string without backslash is raw UTF-8 with nothing Python would escape: copy it as it is.
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        if (raw.IndexOf((byte)'\\') < 0)
        {
            Put(output, raw);
            return null;
        }
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return new CanonicalJsonError("a string holds a lone surrogate escape, which has no UTF-8 form");
        }
        if (!TryUtf8(text, out var utf8))
            return new CanonicalJsonError("a string holds a lone surrogate escape, which has no UTF-8 form");
        WriteEscaped(utf8, output);
        return null;
    }

    private static CanonicalJsonError? WriteNumber(JsonElement value, ArrayBufferWriter<byte> output, bool anyNumber)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        var digits = raw[0] == (byte)'-' ? raw.Length - 1 : raw.Length;
        var isFloat = raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0;
        if (anyNumber && (isFloat || digits > MaxIntegerDigits))
        {
            // Beyond double's range a number stays as written (two such spellings of one value then differ: rare enough).
            Put(output, value.TryGetDouble(out var number) && double.IsFinite(number) ? Encoding.ASCII.GetBytes(number.ToString("R", System.Globalization.CultureInfo.InvariantCulture)) : raw);
            return null;
        }
        if (isFloat)
            return new CanonicalJsonError($"holds the float {Encoding.UTF8.GetString(raw)}; Python's float formatting is not reproduced, so it cannot be hashed exactly");
        if (digits > MaxIntegerDigits)
            return new CanonicalJsonError($"holds an integer of {digits} digits; Python refuses more than {MaxIntegerDigits}");
        // Python reads -0 as the integer 0 and writes it back as 0.
        Put(output, raw.SequenceEqual("-0"u8) ? "0"u8 : raw);
        return null;
    }

    /// <summary>Writes a quoted string with Python's escapes (ensure_ascii=False) from valid UTF-8.</summary>
    private static void WriteEscaped(ReadOnlySpan<byte> utf8, ArrayBufferWriter<byte> output)
    {
        Put(output, "\""u8);
        var start = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (b >= 0x20 && b != (byte)'"' && b != (byte)'\\') continue;
            Put(output, utf8[start..i]);
            start = i + 1;
            switch (b)
            {
                case (byte)'"': Put(output, "\\\""u8); break;
                case (byte)'\\': Put(output, "\\\\"u8); break;
                case (byte)'\n': Put(output, "\\n"u8); break;
                case (byte)'\r': Put(output, "\\r"u8); break;
                case (byte)'\t': Put(output, "\\t"u8); break;
                case (byte)'\b': Put(output, "\\b"u8); break;
                case (byte)'\f': Put(output, "\\f"u8); break;
                default:
                    Put(output, [(byte)'\\', (byte)'u', (byte)'0', (byte)'0', Hex[b >> 4], Hex[b & 15]]);
                    break;
            }
        }
        Put(output, utf8[start..]);
        Put(output, "\""u8);
    }

    private static bool TryName(JsonProperty property, out byte[] utf8)
    {
        string name;
        try
        {
            name = property.Name;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to decode a lone surrogate escape.
            utf8 = [];
            return false;
        }
        return TryUtf8(name, out utf8);
    }

    private static bool TryUtf8(string text, out byte[] utf8)
    {
        utf8 = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        var status = System.Text.Unicode.Utf8.FromUtf16(text, utf8, out _, out var written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done) return false;
        Array.Resize(ref utf8, written);
        return true;
    }
}
