using System.Text.Json;
using Pith.Core.Text;
using Xunit;

namespace Pith.Core.Tests.Text;

public class CanonicalTextTests
{
    private static readonly string GoldenPath = Path.Combine(AppContext.BaseDirectory, "Text", "python-title-canon.jsonl");

    [Fact]
    public void Agrees_with_python_lower_and_split_on_the_golden_set()
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var line in File.ReadLines(GoldenPath))
        {
            using var doc = JsonDocument.Parse(line);
            var input = doc.RootElement.GetProperty("input").GetString()!;
            var canon = doc.RootElement.GetProperty("canon").GetString()!;
            var sha = doc.RootElement.GetProperty("sha256").GetString()!;
            count++;
            if (CanonicalText.Canonicalize(input) != canon || CanonicalText.Sha256Hex(input) != sha)
                failures.Add(JsonSerializer.Serialize(input) + " -> " + JsonSerializer.Serialize(CanonicalText.Canonicalize(input)) + ", Python: " + JsonSerializer.Serialize(canon));
        }
        Assert.True(count >= 1000, $"only {count} golden cases");
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches, first: {failures.FirstOrDefault()}");
    }

    [Theory]
    [InlineData("İstanbul", "i\u0307stanbul")]
    [InlineData("ΟΔΟΣ", "οδος")]
    [InlineData("ΣΑΣ ΟΔΟΣ.", "σας οδος.")]
    [InlineData("Σ", "σ")]
    [InlineData("aΣb", "aσb")]
    [InlineData("a\u001cb\u001dc\u001ed\u001ff", "a b c d f")]
    [InlineData("  Schr\\\"odinger\t$z \\sim 3$\n", "schr\\\"odinger $z \\sim 3$")]
    [InlineData("a\u200bb", "a\u200bb")]
    [InlineData("Ⅻ Ⓐ K", "ⅻ ⓐ k")]
    public void Follows_python_where_dotnet_differs(string input, string expected) =>
        Assert.Equal(expected, CanonicalText.Canonicalize(input));

    [Fact]
    public void Hashes_the_real_titles()
    {
        // A title from samples/records, with its signed title_canon_sha256.
        Assert.Equal("2203e59062cc1535f4d3267ecfcc0a9297235d26ec39b79980bd19b9c6fd78fb",
            CanonicalText.Sha256Hex("Grokking as Compression: A Nonlinear Complexity Perspective"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(20_000)]
    public void Hashes_ascii_text_of_any_length_as_its_canonical_form(int length)
    {
        // ASCII text up to a length takes a path of its own: it must hash what the general canonicaliser gives.
        var pattern = "  Grokking\tAS\u001cCompression:\r\n A  Nonlinear\u001fPERSPECTIVE ";
        pattern = System.Text.RegularExpressions.Regex.Unescape(pattern);
        var text = string.Concat(Enumerable.Repeat(pattern, length / pattern.Length + 1))[..length];
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(CanonicalText.Canonicalize(text))));

        Assert.Equal(expected, CanonicalText.Sha256Hex(text));
    }

    [Fact]
    public void Hashes_every_ascii_character_as_its_canonical_form()
    {
        // Each character alone, between letters and doubled, so that every one meets the ASCII path's table.
        var text = string.Concat(Enumerable.Range(0, 128).Select(c => $"A{(char)c}b{(char)c}{(char)c}Z "));
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(CanonicalText.Canonicalize(text))));

        Assert.Equal(expected, CanonicalText.Sha256Hex(text));
    }

    [Fact]
    public void A_lone_surrogate_has_no_hash() => Assert.Null(CanonicalText.Sha256Hex("a\ud800b"));
}
