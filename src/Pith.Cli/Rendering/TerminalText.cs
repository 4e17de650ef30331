using System.Text;

namespace Pith.Cli.Rendering;

/// <summary>
/// Makes untrusted text (record fields, file names) safe to print to a terminal: control characters,
/// including escape sequences and bidirectional overrides, become visible escapes.
/// </summary>
public static class TerminalText
{
    public static string Sanitize(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsUnsafe(c))
            {
                sb?.Append(c);
                continue;
            }
            sb ??= new StringBuilder(text, 0, i, text.Length + 8);
            sb.Append(c < 0x100 ? $"\\x{(int)c:x2}" : $"\\u{(int)c:x4}");
        }
        return sb?.ToString() ?? text;
    }

    // C0, DEL, C1, and the bidi embedding/override/isolate controls that reorder what a terminal shows.
    private static bool IsUnsafe(char c) =>
        c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
}
