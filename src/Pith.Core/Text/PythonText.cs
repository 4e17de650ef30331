using System.Text;

namespace Pith.Core.Text;

/// <summary>
/// Python's <c>str.lower</c> and <c>str.split()</c>, exactly, from tables generated with Python
/// (<c>generate_python_unicode_data.py</c>). .NET's own casing differs: it maps İ to one code point, has no
/// final-sigma rule, and does not count U+001C..U+001F as white space.
/// </summary>
public static class PythonText
{
    private const int CapitalSigma = 0x03A3;
    private const int SmallSigma = 0x03C3;
    private const int FinalSigma = 0x03C2;

    /// <summary>Python's <c>s.lower()</c>: full case mapping with the final-sigma rule.</summary>
    public static string Lower(string s)
    {
        var cps = CodePoints(s);
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < cps.Length; i++)
        {
            var cp = cps[i];
            if (cp < 0x80)
            {
                sb.Append((char)(cp is >= 'A' and <= 'Z' ? cp + 32 : cp));
            }
            else if (cp == CapitalSigma)
            {
                sb.Append((char)(IsFinalSigma(cps, i) ? FinalSigma : SmallSigma));
            }
            else
            {
                var at = PythonUnicodeData.LowerFrom.BinarySearch(cp);
                if (at >= 0) sb.Append(PythonUnicodeData.LowerTo[at]);
                else if (cp > 0xFFFF) sb.Append(char.ConvertFromUtf32(cp));
                else sb.Append((char)cp); // includes a lone surrogate, kept as it is
            }
        }
        return sb.ToString();
    }

    /// <summary>Python's <c>s.split()</c>: the non-empty runs between white space.</summary>
    public static IEnumerable<string> Split(string s)
    {
        var start = -1;
        for (var i = 0; i < s.Length; i++)
        {
            // Every Python white-space character is in the BMP.
            if (IsWhiteSpace(s[i]))
            {
                if (start >= 0) yield return s[start..i];
                start = -1;
            }
            else if (start < 0)
            {
                start = i;
            }
        }
        if (start >= 0) yield return s[start..];
    }

    /// <summary>Python's <c>str.isspace</c> for one code point.</summary>
    public static bool IsWhiteSpace(int cp) => PythonUnicodeData.WhiteSpace.BinarySearch(cp) >= 0;

    // CPython's handle_capital_sigma: \p{cased}\p{case-ignorable}* Σ !(\p{case-ignorable}* \p{cased}).
    private static bool IsFinalSigma(int[] cps, int i)
    {
        var j = i - 1;
        while (j >= 0 && InRanges(PythonUnicodeData.CaseIgnorableRanges, cps[j])) j--;
        if (j < 0 || !InRanges(PythonUnicodeData.CasedRanges, cps[j])) return false;
        j = i + 1;
        while (j < cps.Length && InRanges(PythonUnicodeData.CaseIgnorableRanges, cps[j])) j++;
        return j == cps.Length || !InRanges(PythonUnicodeData.CasedRanges, cps[j]);
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

    private static int[] CodePoints(string s)
    {
        var list = new List<int>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                list.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                i++;
            }
            else
            {
                list.Add(s[i]);
            }
        }
        return [.. list];
    }
}
