using System.Text.Json;
using Pith.Core.Identifiers;
using Xunit;

namespace Pith.Core.Tests.Identifiers;

public class PithAliasesTests
{
    public static IEnumerable<object[]> AllRealRecords() =>
        Samples.SeedFiles.Concat(Samples.RealUnsignedFiles).Select(f => new object[] { Path.GetRelativePath(Samples.Root, f) });

    [Theory]
    [MemberData(nameof(AllRealRecords))]
    public void Derives_exactly_the_aliases_real_records_list(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Samples.Root, file)));
        var root = doc.RootElement;
        var source = root.GetProperty("canonical_record").GetProperty("source");
        PithNumber.TryParse(root.GetProperty("pith_number").GetString(), out var number, out _);

        var derived = PithAliases.Derive(source.GetProperty("id").GetString()!, source.GetProperty("version").GetInt64(), number!.Value);

        var listed = root.GetProperty("aliases").EnumerateArray()
            .Select(a => new Alias(a.GetProperty("alias_kind").GetString()!, a.GetProperty("alias_value").GetString()!))
            .OrderBy(a => a.Kind, StringComparer.Ordinal);
        Assert.Equal(listed, derived.OrderBy(a => a.Kind, StringComparer.Ordinal));
    }

    [Fact]
    public void Old_style_ids_keep_their_slash()
    {
        var aliases = PithAliases.Derive("math/9810020", 3, new PithNumber("1998", new string('A', 26)));
        Assert.Contains(new Alias(AliasKind.Doi, "10.48550/arxiv.math/9810020"), aliases);
        Assert.Contains(new Alias(AliasKind.ArxivVersion, "math/9810020v3"), aliases);
    }

    [Theory]
    [InlineData(AliasKind.Doi, "10.48550/ARXIV.2310.05918", true)]
    [InlineData(AliasKind.Doi, "10.48550/arxiv.2310.05919", false)]
    [InlineData(AliasKind.Arxiv, "2310.05918", true)]
    [InlineData(AliasKind.PithShort8, "3v7syw4g", false)]
    [InlineData(AliasKind.Arxiv, "HEP-TH/9901001", false)]
    public void Only_dois_compare_case_insensitively(string kind, string stated, bool matches)
    {
        var derived = kind switch
        {
            AliasKind.Doi => "10.48550/arxiv.2310.05918",
            AliasKind.PithShort8 => "3V7SYW4G",
            _ => stated.Contains('/', StringComparison.Ordinal) ? "hep-th/9901001" : "2310.05918",
        };
        Assert.Equal(matches, PithAliases.ValueMatches(kind, stated, derived));
    }

    [Theory]
    [InlineData(AliasKind.Doi, "10.48550/ARXIV.2310.05918", "10.48550/arxiv.2310.05918")]
    [InlineData(AliasKind.Arxiv, "HEP-TH/9901001", "hep-th/9901001")]
    [InlineData(AliasKind.ArxivVersion, "2310.05918V2", "2310.05918v2")]
    [InlineData(AliasKind.PithShort8, "3v7syw4g", "3V7SYW4G")]
    [InlineData(AliasKind.Doi, "10.1000/ÄB", "10.1000/Äb")]
    public void Normalizes_for_lookup(string kind, string value, string expected) =>
        Assert.Equal(expected, PithAliases.NormalizeForLookup(kind, value));
}
