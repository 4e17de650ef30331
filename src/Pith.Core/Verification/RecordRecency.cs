using System.Globalization;

namespace Pith.Core.Verification;

/// <summary>
/// Which of two copies of one record (same Pith number, different bytes) is current: the resolver reissues
/// records with a newer <c>updated_at</c>. Ties and unreadable stamps are broken by the bytes' SHA-256, so the
/// outcome never depends on the order copies arrive in.
/// </summary>
public static class RecordRecency
{
    /// <summary>Positive when copy A is newer than copy B.</summary>
    public static int Compare(string? updatedAtA, ReadOnlySpan<byte> bytesSha256A, string? updatedAtB, ReadOnlySpan<byte> bytesSha256B)
    {
        var byTime = Nullable.Compare(Parse(updatedAtA), Parse(updatedAtB));
        return byTime != 0 ? byTime : bytesSha256A.SequenceCompareTo(bytesSha256B);
    }

    // Stamps come as 2026-05-17T23:52:20Z or 2026-07-05T06:58:51.293543+00:00 (spec section 7).
    private static DateTimeOffset? Parse(string? stamp) =>
        stamp is not null && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : null;
}
