using System.Globalization;

namespace Pith.Core.Verification;

/// <summary>
/// Where a new copy of a stored record (same Pith number, another document) goes, by its <c>updated_at</c>, which is not
/// signed. A newer stamp is a reissue. The same stamp with other content is a variant: the resolver changes unsigned
/// parts without changing the stamp, and anyone can change them, so the copy that came first stays current. A stamp
/// later than the importing machine's clock plus <see cref="ClockSkew"/> is not believed: such a copy is a variant, and
/// a current copy with such a stamp gives way to any copy with a believable one. No stamp (or an unreadable one) is
/// older than any stamp.
/// </summary>
public static class RecordRecency
{
    /// <summary>How far ahead of this machine's clock a stamp may be and still be believed (clocks drift).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromHours(1);

    /// <param name="incoming">The new copy's <c>updated_at</c>.</param>
    /// <param name="current">The current copy's.</param>
    /// <param name="now">This machine's clock.</param>
    /// <param name="incomingCameFirst">The new copy came before the current one in the input (both in one run).</param>
    /// <param name="older">
    /// The older copies kept: their stamps, and whether the new copy came before each in the input. A copy with the stamp
    /// of one of them is a variant of it, or takes its place when it came first (<paramref name="twin"/> says which).
    /// </param>
    /// <param name="twin">With <see cref="CopyPlace.DisplacesOlder"/>, the index in <paramref name="older"/> of the copy it displaces.</param>
    public static CopyPlace Place(string? incoming, string? current, DateTimeOffset now, bool incomingCameFirst,
        IReadOnlyList<(string? Stamp, bool IncomingCameFirst)> older, out int twin)
    {
        twin = -1;
        var latest = now + ClockSkew;
        var mine = Parse(incoming);
        if (mine > latest) return CopyPlace.Variant;
        var theirs = Parse(current);
        if (theirs > latest) return CopyPlace.Displaces;
        var byTime = Nullable.Compare(mine, theirs);
        if (byTime > 0) return CopyPlace.Reissue;
        if (byTime == 0) return incomingCameFirst ? CopyPlace.Displaces : CopyPlace.Variant;
        for (var i = 0; i < older.Count; i++)
        {
            if (!Nullable.Equals(Parse(older[i].Stamp), mine)) continue;
            if (!older[i].IncomingCameFirst) return CopyPlace.Variant;
            twin = i;
            return CopyPlace.DisplacesOlder;
        }
        return CopyPlace.Older;
    }

    // Stamps come as 2026-05-17T23:52:20Z or 2026-07-05T06:58:51.293543+00:00 (spec section 7).
    private static DateTimeOffset? Parse(string? stamp) =>
        stamp is not null && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;
}
