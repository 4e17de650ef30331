using System.Text;

namespace Pith.Inputs;

/// <summary>
/// File names as Linux keeps them: bytes, most often UTF-8 but not always. In a name read from a folder, each byte that
/// is not part of valid UTF-8 is carried as the lone surrogate U+DC80 + (byte - 0x80) (Python's "surrogateescape"):
/// UTF-8 text can never hold such a character, so the file is opened again by its true bytes, and two names that differ
/// only there stay two names. As text (in the index, in JSON, on a terminal) such a byte is spelt <c>\xHH</c>, with
/// capital hex digits (a control character's escape, <c>\x1b</c>, has small ones).
/// </summary>
public static class FileNames
{
    private const char FirstEscaped = '\uDC80';
    private const char LastEscaped = '\uDCFF';

    /// <summary>The name of <paramref name="bytes"/>, every byte that is not UTF-8 escaped.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        // Every name of a folder passes through here: the common case in one allocation.
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        var text = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out var rune, out var used) == System.Buffers.OperationStatus.Done) text.Append(rune.ToString());
            else
            {
                // An invalid sequence (a stray byte, a sequence cut short, an encoded surrogate): each of its bytes, one by one.
                foreach (var b in bytes[..used]) text.Append((char)(FirstEscaped + b - 0x80));
            }
            bytes = bytes[used..];
        }
        return text.ToString();
    }

    /// <summary>The bytes of <paramref name="path"/> for libc, NUL-terminated: escaped bytes as themselves, the rest UTF-8.</summary>
    public static byte[] Encode(string path)
    {
        if (!HasEscapedBytes(path))
        {
            var utf8Path = new byte[Encoding.UTF8.GetByteCount(path) + 1];
            Encoding.UTF8.GetBytes(path, utf8Path);
            return utf8Path;
        }
        var bytes = new List<byte>(path.Length + 1);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < path.Length;)
        {
            if (IsEscapedByte(path[i]))
            {
                bytes.Add((byte)(path[i] - FirstEscaped + 0x80));
                i++;
                continue;
            }
            // Any other broken surrogate becomes U+FFFD, as .NET's own encoder makes it.
            Rune.DecodeFromUtf16(path.AsSpan(i), out var rune, out var used);
            bytes.AddRange(utf8[..rune.EncodeToUtf8(utf8)]);
            i += used;
        }
        bytes.Add(0);
        return [.. bytes];
    }

    /// <summary>Whether <paramref name="c"/> stands for a byte of a name that is not UTF-8.</summary>
    public static bool IsEscapedByte(char c) => c is >= FirstEscaped and <= LastEscaped;

    /// <summary>Whether <paramref name="path"/> holds a byte that is not UTF-8 (.NET's file APIs cannot name it).</summary>
    public static bool HasEscapedBytes(string path) => path.AsSpan().IndexOfAnyInRange(FirstEscaped, LastEscaped) >= 0;

    /// <summary>How an escaped byte is spelt as text: <c>\xFF</c>.</summary>
    public static string Spell(char escaped) => $"\\x{escaped - FirstEscaped + 0x80:X2}";

    /// <summary>
    /// <paramref name="path"/> as text that any UTF-8 store takes (the index's TEXT columns, JSON): each escaped byte
    /// spelt <c>\xHH</c>. The same path when it is UTF-8.
    /// </summary>
    public static string ToText(string path)
    {
        if (!HasEscapedBytes(path)) return path;
        var text = new StringBuilder(path.Length + 8);
        foreach (var c in path)
        {
            if (IsEscapedByte(c)) text.Append(Spell(c));
            else text.Append(c);
        }
        return text.ToString();
    }
}
