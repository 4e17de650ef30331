using System.Globalization;
using Pith.Core.Documents;

namespace Pith.Index.Feed;

/// <summary>
/// A place in an index's document feed: which feed (<c>feed_identity</c>) and the last entry read. Its text form,
/// <c>IDENTITY-SEQUENCE</c> (16 hex digits, a hyphen, a decimal), is what <c>/feed.jsonl</c> takes and gives out; a
/// client keeps it as an opaque string.
/// </summary>
public sealed record FeedCursor(string Feed, long Sequence)
{
    private const int FeedLength = 16;

    public override string ToString() => $"{Feed}-{Sequence.ToString(CultureInfo.InvariantCulture)}";

    public static ParseResult<FeedCursor> Parse(string text)
    {
        var dash = text.IndexOf('-');
        if (dash != FeedLength || !IsLowerHex(text.AsSpan(0, dash)))
            return ParseResult<FeedCursor>.ForError("not a feed cursor (IDENTITY-SEQUENCE, as a Pith-Cursor header gives it)");
        var digits = text.AsSpan(dash + 1);
        if (digits.Length is 0 or > 18 || digits.ContainsAnyExceptInRange('0', '9'))
            return ParseResult<FeedCursor>.ForError("not a feed cursor: its sequence is not a number");
        return ParseResult<FeedCursor>.ForValue(new FeedCursor(text[..dash], long.Parse(digits, CultureInfo.InvariantCulture)));
    }

    private static bool IsLowerHex(ReadOnlySpan<char> text) => !text.ContainsAnyExcept("0123456789abcdef");
}
