using System.Security.Cryptography;
using Pith.Index.Import;
using Xunit;

namespace Pith.Index.Tests.Import;

public sealed class KnownDigestsTests
{
    private static UInt256 Digest(int i) => new(SHA256.HashData(BitConverter.GetBytes(i)));

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(5_000)]
    public void Holds_exactly_what_was_added_however_it_was_sized(int expected)
    {
        var known = new KnownDigests(expected);
        for (var i = 0; i < 5_000; i += 2) Assert.True(known.Add(Digest(i)));

        Assert.Equal(2_500, known.Count);
        for (var i = 0; i < 5_000; i++) Assert.Equal(i % 2 == 0, known.Contains(Digest(i)));
    }

    [Fact]
    public void Adding_a_digest_again_is_refused_and_not_counted()
    {
        var known = new KnownDigests(4);
        Assert.True(known.Add(Digest(1)));
        Assert.False(known.Add(Digest(1)));
        Assert.Equal(1, known.Count);
    }

    [Fact]
    public void Digests_that_choose_the_same_slot_are_told_apart_by_every_word()
    {
        // Equal first words: one home slot, so each is found only by probing past the others.
        UInt256[] digests = [new(7, 1, 2, 3), new(7, 1, 2, 4), new(7, 1, 5, 3), new(7, 6, 2, 3), new(7, 0, 0, 0)];
        var known = new KnownDigests(2);
        foreach (var digest in digests) Assert.True(known.Add(digest));

        foreach (var digest in digests) Assert.True(known.Contains(digest));
        Assert.False(known.Contains(new UInt256(7, 1, 2, 5)));
        Assert.False(known.Contains(new UInt256(8, 1, 2, 3)));
    }

    [Fact]
    public void A_probe_that_starts_in_the_last_slot_goes_on_from_the_first()
    {
        // The largest first word chooses the last slot: the second and third digests live past the array's end, at its start.
        UInt256[] digests = [new(ulong.MaxValue, 1, 0, 0), new(ulong.MaxValue, 2, 0, 0), new(ulong.MaxValue, 3, 0, 0)];
        var known = new KnownDigests(digests.Length);
        foreach (var digest in digests) Assert.True(known.Add(digest));

        foreach (var digest in digests) Assert.True(known.Contains(digest));
        Assert.False(known.Contains(new UInt256(ulong.MaxValue, 4, 0, 0)));
    }

    [Fact]
    public void The_all_zero_digest_is_a_digest_like_any_other()
    {
        var known = new KnownDigests(4);
        Assert.False(known.Contains(default));
        Assert.True(known.Add(default));
        Assert.False(known.Add(default));

        Assert.True(known.Contains(default));
        Assert.Equal(1, known.Count);
    }
}
