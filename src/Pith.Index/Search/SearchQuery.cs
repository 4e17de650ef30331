using System.Globalization;
using System.Text;
using Pith.Core.Documents;

namespace Pith.Index.Search;

/// <summary>
/// Turns what a user typed into an FTS5 query that cannot be a syntax error: every whitespace-separated term that
/// holds a word is quoted as a string (so <c>AND</c>, <c>NEAR(</c>, <c>*</c>, <c>-</c>, <c>:</c> and quotes are only
/// text), and all such terms must occur, in any order. A term without a word (only punctuation or symbols) is left
/// out: the title index has no token for it to match. A term repeated (in any case) is kept once: it asks nothing more
/// of a title, and FTS5's time grows with the square of the terms (20,000 copies of one word took seconds). More than
/// <see cref="MaxWords"/> different terms are refused: FTS5 still took 1 to 2 s for 20,000 different words, and no
/// title holds that many.
/// </summary>
public static class SearchQuery
{
    /// <summary>The most different words (whitespace-separated terms that hold a word) one search takes.</summary>
    public const int MaxWords = 64;

    /// <summary>The reason <see cref="Parse"/> gives for a text without words.</summary>
    public const string NoWords = "holds no words";

    /// <summary>The FTS5 query for <paramref name="text"/>, or null when it holds no word at all or too many (<see cref="Parse"/>).</summary>
    public static string? FromText(string text) => Parse(text).Value;

    /// <summary>
    /// The FTS5 query for <paramref name="text"/>, or why there is none: <see cref="NoWords"/>, or more than
    /// <see cref="MaxWords"/> different words (a reason that starts "holds", to follow what names the text).
    /// </summary>
    public static ParseResult<string> Parse(string text)
    {
        var query = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var term in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!HasWord(term) || !seen.Add(term) || seen.Count > MaxWords) continue;
            if (query.Length > 0) query.Append(' ');
            // Inside an FTS5 string a quote is written twice; nothing else is special.
            query.Append('"').Append(term.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        if (seen.Count > MaxWords) return ParseResult<string>.ForError($"holds {seen.Count} different words; at most {MaxWords} are searched at once");
        return query.Length == 0 ? ParseResult<string>.ForError(NoWords) : ParseResult<string>.ForValue(query.ToString());
    }

    /// <summary>
    /// Whether <paramref name="text"/> holds a character that the title index's tokenizer makes part of a token:
    /// <c>unicode61</c> (migration 2) with its default categories <c>L* N* Co</c> (letters, numbers, private use)
    /// and no <c>tokenchars</c>. Everything else (spaces, punctuation, symbols, marks on their own) separates tokens.
    /// </summary>
    private static bool HasWord(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsTokenCharacter(Rune.GetUnicodeCategory(rune))) return true;
        }
        return false;
    }

    private static bool IsTokenCharacter(UnicodeCategory category) => category is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
        or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
        or UnicodeCategory.PrivateUse;
}
