using System.Text.Json;
using Pith.Core.Identifiers;
using Xunit;

namespace Pith.Core.Tests.Identifiers;

public class PithNumberTests
{
    [Theory]
    [MemberData(nameof(Samples.SeedCodes), MemberType = typeof(Samples))]
    public void Derives_the_seed_numbers_from_their_digest_and_submission_date(string code)
    {
        using var doc = JsonDocument.Parse(Samples.Seed(code));
        var root = doc.RootElement;
        var digest = Convert.FromHexString(root.GetProperty("canonical_sha256").GetString()!);
        var submitted = root.GetProperty("canonical_record").GetProperty("metadata").GetProperty("submitted_at").GetString()!;

        var number = PithNumber.Derive(digest, submitted);

        Assert.Equal(root.GetProperty("pith_number").GetString(), number.ToString());
        Assert.Equal(root.GetProperty("short_pith_number").GetString(), number.Short);
        Assert.StartsWith(code, number.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void The_26th_character_takes_bits_from_byte_17()
    {
        // Spec section 3: base32 of only 16 bytes would end ...RSI for this seed; the right code ends ...RSL.
        var digest = Convert.FromHexString("dd7f2c5b86d6fbf545763f092b5bd192d2f586b272e74911db65d28c0ca6bdcd");
        Assert.Equal("pith:2023:3V7SYW4G2357KRLWH4ESWW6RSL", PithNumber.Derive(digest, "2023-10-09T17:59:18Z").ToString());
        Assert.EndsWith("RSI", Base32.Encode(digest.AsSpan(0, 16)), StringComparison.Ordinal);
    }

    [Fact]
    public void Derives_edge_digests()
    {
        Assert.Equal("pith:1999:" + new string('A', 26), PithNumber.Derive(new byte[32], "1999-01-01T00:00:00Z").ToString());
        var ones = Enumerable.Repeat((byte)0xFF, 32).ToArray();
        Assert.Equal("pith:2024:" + new string('7', 26), PithNumber.Derive(ones, "2024-02-29T23:59:59Z").ToString());
        Assert.Equal("pith:77777777", PithNumber.Derive(ones, "2024-02-29T23:59:59Z").Short);
    }

    [Fact]
    public void The_year_is_that_of_submitted_at_not_of_the_id()
    {
        // 1801.00004 was submitted on 2017-12-29: its Pith number is pith:2017:...
        Assert.Equal("2017", PithNumber.Derive(new byte[32], "2017-12-29T03:05:57Z").Year);
    }

    [Fact]
    public void Parses_and_formats_round_trip()
    {
        Assert.True(PithNumber.TryParse("pith:2023:3V7SYW4G2357KRLWH4ESWW6RSL", out var number, out _));
        Assert.Equal(new PithNumber("2023", "3V7SYW4G2357KRLWH4ESWW6RSL"), number);
        Assert.Equal("pith:2023:3V7SYW4G2357KRLWH4ESWW6RSL", number.ToString());
    }

    [Theory]
    [InlineData("2023:3V7SYW4G2357KRLWH4ESWW6RSL", "does not start")]
    [InlineData("pith:3V7SYW4G", "expected pith:YEAR:CODE")]
    [InlineData("pith:23:3V7SYW4G2357KRLWH4ESWW6RSL", "four digits")]
    [InlineData("pith:2023:3V7SYW4G2357KRLWH4ESWW6RS", "25 characters")]
    [InlineData("pith:2023:3V7SYW4G2357KRLWH4ESWW6RSLA", "27 characters")]
    [InlineData("pith:2023:3V7SYW4G2357KRLWH4ESWW6RS1", "outside base32")]
    [InlineData("pith:2023:3v7syw4g2357krlwh4esww6rsl", "outside base32")]
    [InlineData("pith:2023:", "0 characters")]
    public void Rejects_malformed_numbers_with_a_reason(string text, string reason)
    {
        Assert.False(PithNumber.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
