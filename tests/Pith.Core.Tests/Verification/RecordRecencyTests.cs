using Pith.Core.Verification;
using Xunit;

namespace Pith.Core.Tests.Verification;

public class RecordRecencyTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static CopyPlace Place(string? incoming, string? current, bool first = false, params string?[] older) =>
        RecordRecency.Place(incoming, current, Now, first, [.. older.Select(stamp => (stamp, false))], out _);

    [Fact]
    public void A_later_updated_at_is_a_reissue_and_an_earlier_one_an_older_copy_whatever_their_format()
    {
        Assert.Equal(CopyPlace.Reissue, Place("2026-07-05T06:58:51.293543+00:00", "2026-05-17T23:52:20Z"));
        Assert.Equal(CopyPlace.Older, Place("2026-05-17T23:52:20Z", "2026-05-17T23:52:20.000001+00:00"));
        Assert.Equal(CopyPlace.Reissue, Place("2026-05-17T23:52:20Z", null));
        Assert.Equal(CopyPlace.Older, Place("garbage", "2026-05-17T23:52:20Z"));
    }

    [Fact]
    public void The_same_instant_is_a_variant_whatever_the_bytes_and_the_first_copy_stays()
    {
        Assert.Equal(CopyPlace.Variant, Place("2026-05-17T23:52:20Z", "2026-05-17T23:52:20+00:00"));
        Assert.Equal(CopyPlace.Variant, Place(null, null));
        // Within one run, "first" is the input order, not the order parallel workers finish in.
        Assert.Equal(CopyPlace.Displaces, Place("2026-05-17T23:52:20Z", "2026-05-17T23:52:20Z", first: true));
    }

    [Fact]
    public void An_older_copy_with_the_stamp_of_a_kept_older_copy_is_a_variant_of_it()
    {
        Assert.Equal(CopyPlace.Variant, Place("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z", false, "2025-01-01T00:00:00Z", "2026-01-01T00:00:00+00:00"));
        Assert.Equal(CopyPlace.Older, Place("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z", false, "2025-01-01T00:00:00Z"));
        // That older copy came later in the same run: the new one takes its place, and it becomes the variant.
        Assert.Equal(CopyPlace.DisplacesOlder, RecordRecency.Place("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z", Now, false,
            [("2025-01-01T00:00:00Z", true), ("2026-01-01T00:00:00+00:00", true)], out var twin));
        Assert.Equal(1, twin);
    }

    [Fact]
    public void A_stamp_beyond_the_clock_and_its_skew_is_not_believed_either_way()
    {
        var beyond = (Now + RecordRecency.ClockSkew + TimeSpan.FromSeconds(1)).ToString("O");
        var within = (Now + RecordRecency.ClockSkew).ToString("O");
        Assert.Equal(CopyPlace.Variant, Place("2999-01-01T00:00:00Z", "2026-05-17T23:52:20Z"));
        Assert.Equal(CopyPlace.Variant, Place(beyond, "2026-05-17T23:52:20Z"));
        Assert.Equal(CopyPlace.Reissue, Place(within, "2026-05-17T23:52:20Z"));
        // A current copy with an unbelieved stamp gives way to any believable copy, even an older-looking one.
        Assert.Equal(CopyPlace.Displaces, Place("2026-05-17T23:52:20Z", "2999-01-01T00:00:00Z"));
        Assert.Equal(CopyPlace.Displaces, Place(null, "2999-01-01T00:00:00Z"));
        // Two unbelieved stamps: the first stays.
        Assert.Equal(CopyPlace.Variant, Place("2998-01-01T00:00:00Z", "2999-01-01T00:00:00Z"));
    }
}
