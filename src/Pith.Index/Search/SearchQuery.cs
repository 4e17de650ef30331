using System.Text;

namespace Pith.Index.Search;

/// <summary>
/// Turns what a user typed into an FTS5 query that cannot be a syntax error: every whitespace-separated term is
/// quoted as a string (so <c>AND</c>, <c>NEAR(</c>, <c>*</c>, <c>-</c>, <c>:</c> and quotes are only text), and all
/// terms must occur, in any order.
/// </summary>
public static class SearchQuery
{
    /// <summary>The FTS5 query for <paramref name="text"/>, or null when it holds no term at all.</summary>
    public static string? FromText(string text)
    {
        var query = new StringBuilder();
        foreach (var term in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (query.Length > 0) query.Append(' ');
            // Inside an FTS5 string a quote is written twice; nothing else is special.
            query.Append('"').Append(term.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        return query.Length == 0 ? null : query.ToString();
    }
}
