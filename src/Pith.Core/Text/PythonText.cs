using System.Text;

namespace Pith.Core.Text;

/// <summary>
/// Python's <c>str.lower</c> and <c>str.split()</c> (as <c>" ".join(s.lower().split())</c>), exactly, from tables generated with Python
/// (<c>generate_python_unicode_data.py</c>). .NET's own casing differs: it maps İ to one code point, has no
/// final-sigma rule, and does not count U+001C..U+001F as white space.
/// </summary>
public static class PythonText
{
    private const int CapitalSigma = 0x03A3;
    private const int SmallSigma = 0x03C3;
    private const int FinalSigma = 0x03C2;

    /// <summary>
    /// Python's <c>" ".join(s.lower().split())</c> in one pass. Splitting before or after lowering is the same:
    /// no white-space character has a lower case, and white space is neither cased nor case-ignorable, so the
    /// final-sigma context reads the same in the original string.
    /// </summary>
    public static void LowerSplitJoin(string s, StringBuilder output)
    {
        var pendingSpace = false;
        var start = output.Length;
        for (var i = 0; i < s.Length; i += CodePointLength(s, i))
        {
            if (IsWhiteSpace(s[i]))
            {
                pendingSpace = output.Length > start;
                continue;
            }
            if (pendingSpace) output.Append(' ');
            pendingSpace = false;
            AppendLower(output, s, i);
        }
    }

    /// <summary>Python's <c>str.isspace</c> for one code point.</summary>
    public static bool IsWhiteSpace(int cp) =>
        cp < 0x80
            ? cp == ' ' || cp is >= '\t' and <= '\r' || cp is >= 0x1C and <= 0x1F
            : PythonUnicodeData.WhiteSpace.BinarySearch(cp) >= 0;

    private static void AppendLower(StringBuilder sb, string s, int i)
    {
        var c = s[i];
        if (c < 0x80)
        {
            sb.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
            return;
        }
        var cp = CodePointAt(s, i);
        if (cp == CapitalSigma)
        {
            sb.Append((char)(IsFinalSigma(s, i) ? FinalSigma : SmallSigma));
            return;
        }
        var at = PythonUnicodeData.LowerFrom.BinarySearch(cp);
        if (at >= 0) sb.Append(PythonUnicodeData.LowerTo[at]);
        else sb.Append(s, i, CodePointLength(s, i)); // unchanged, a lone surrogate included
    }

    // CPython's handle_capital_sigma: \p{cased}\p{case-ignorable}* Σ !(\p{case-ignorable}* \p{cased}).
    private static bool IsFinalSigma(string s, int i)
    {
        var j = i;
        int cp;
        do
        {
            if (j == 0) return false;
            j = PreviousStart(s, j);
            cp = CodePointAt(s, j);
        }
        while (InRanges(PythonUnicodeData.CaseIgnorableRanges, cp));
        if (!InRanges(PythonUnicodeData.CasedRanges, cp)) return false;
        for (j = i + 1; j < s.Length; j += CodePointLength(s, j))
        {
            cp = CodePointAt(s, j);
            if (!InRanges(PythonUnicodeData.CaseIgnorableRanges, cp)) return !InRanges(PythonUnicodeData.CasedRanges, cp);
        }
        return true;
    }

    private static bool InRanges(ReadOnlySpan<int> ranges, int cp)
    {
        int lo = 0, hi = ranges.Length / 2 - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (cp < ranges[2 * mid]) hi = mid - 1;
            else if (cp > ranges[2 * mid + 1]) lo = mid + 1;
            else return true;
        }
        return false;
    }

    // Code points of a .NET string: a surrogate pair is one; a lone surrogate stands for itself.
    private static int CodePointLength(string s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;

    private static int CodePointAt(string s, int i) => CodePointLength(s, i) == 2 ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];

    private static int PreviousStart(string s, int i) =>
        i >= 2 && char.IsLowSurrogate(s[i - 1]) && char.IsHighSurrogate(s[i - 2]) ? i - 2 : i - 1;
}
