using System.Globalization;
using System.Text;
using Pith.Inputs;

namespace Pith.Cli.Rendering;

/// <summary>
/// Makes untrusted text (record fields, check names built from records, file names, echoed arguments) safe to print
/// to a terminal, the one place that does: C0 and C1 controls (escape sequences among them), and the Unicode format
/// (Cf: bidi overrides, zero-width and invisible characters), line separator (Zl) and paragraph separator (Zp)
/// characters become visible escapes, as does half of a broken surrogate pair; a byte of a file name that is not UTF-8
/// (<see cref="FileNames"/>) is shown as that byte, <c>\xFF</c>. Nothing is dropped: the user still sees what the text holds.
/// </summary>
public static class TerminalText
{
    public static string Sanitize(string text)
    {
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length;)
        {
            var valid = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used) == System.Buffers.OperationStatus.Done;
            if (valid && !IsUnsafe(rune))
            {
                sb?.Append(text, i, used);
                i += used;
                continue;
            }
            sb ??= new StringBuilder(text, 0, i, text.Length + 8);
            if (!valid && FileNames.IsEscapedByte(text[i])) sb.Append(FileNames.Spell(text[i]));
            else if (!valid) sb.Append($"\\u{(int)text[i]:x4}");
            else if (rune.Value < 0x100) sb.Append($"\\x{rune.Value:x2}");
            else if (rune.IsBmp) sb.Append($"\\u{rune.Value:x4}");
            else sb.Append($"\\U{rune.Value:x8}");
            i += valid ? used : 1;
        }
        return sb?.ToString() ?? text;
    }

    private static bool IsUnsafe(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        _ => false,
    };
}
