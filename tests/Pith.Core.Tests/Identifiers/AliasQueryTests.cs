using Pith.Core.Identifiers;
using Xunit;

namespace Pith.Core.Tests.Identifiers;

public class AliasQueryTests
{
    private static AliasQuery Parsed(string text)
    {
        var result = AliasQuery.Parse(text);
        Assert.True(result.Success, result.Error);
        return result.Value!;
    }

    [Theory]
    [InlineData("2310.05918", AliasQueryKind.Arxiv, "2310.05918")]
    [InlineData("2310.05918v1", AliasQueryKind.ArxivVersion, "2310.05918v1")]
    [InlineData("2310.05918V2", AliasQueryKind.ArxivVersion, "2310.05918v2")]
    [InlineData("arXiv:2310.05918v1", AliasQueryKind.ArxivVersion, "2310.05918v1")]
    [InlineData("ARXIV:2310.05918", AliasQueryKind.Arxiv, "2310.05918")]
    [InlineData("https://arxiv.org/abs/2310.05918", AliasQueryKind.Arxiv, "2310.05918")]
    [InlineData("https://arxiv.org/pdf/2310.05918v1", AliasQueryKind.ArxivVersion, "2310.05918v1")]
    [InlineData("https://arxiv.org/pdf/2310.05918v1.pdf", AliasQueryKind.ArxivVersion, "2310.05918v1")]
    [InlineData("http://export.arxiv.org/abs/2310.05918", AliasQueryKind.Arxiv, "2310.05918")]
    [InlineData("  https://www.arxiv.org/abs/2310.05918v3.  ", AliasQueryKind.ArxivVersion, "2310.05918v3")]
    [InlineData("0704.0001", AliasQueryKind.Arxiv, "0704.0001")]
    [InlineData("1412.9999", AliasQueryKind.Arxiv, "1412.9999")]
    [InlineData("1501.00001", AliasQueryKind.Arxiv, "1501.00001")]
    [InlineData("hep-th/9901001", AliasQueryKind.Arxiv, "hep-th/9901001")]
    [InlineData("hep-th/9901001v2", AliasQueryKind.ArxivVersion, "hep-th/9901001v2")]
    [InlineData("math.GT/0309136", AliasQueryKind.Arxiv, "math/0309136")]
    [InlineData("arXiv:math.GT/0309136v1", AliasQueryKind.ArxivVersion, "math/0309136v1")]
    [InlineData("HEP-TH/9901001", AliasQueryKind.Arxiv, "hep-th/9901001")]
    [InlineData("(arXiv:2310.05918),", AliasQueryKind.Arxiv, "2310.05918")]
    [InlineData("arxiv.org/abs/2310.05918", AliasQueryKind.Arxiv, "2310.05918")]
    [InlineData("www.arxiv.org/abs/2310.05918v1", AliasQueryKind.ArxivVersion, "2310.05918v1")]
    [InlineData("export.arxiv.org/pdf/2310.05918v2.pdf", AliasQueryKind.ArxivVersion, "2310.05918v2")]
    [InlineData("ArXiv.Org/abs/hep-th/9901001", AliasQueryKind.Arxiv, "hep-th/9901001")]
    [InlineData("https://arxiv.org/abs/2310.05918/", AliasQueryKind.Arxiv, "2310.05918")]
    [InlineData("https://arxiv.org/abs/2310.05918?context=cs", AliasQueryKind.Arxiv, "2310.05918")]
    [InlineData("https://arxiv.org/abs/2310.05918v1#S3", AliasQueryKind.ArxivVersion, "2310.05918v1")]
    [InlineData("https://arxiv.org/abs/2310.05918v1/?context=cs#S3", AliasQueryKind.ArxivVersion, "2310.05918v1")]
    [InlineData("arxiv.org/pdf/2310.05918v1.pdf?download=1", AliasQueryKind.ArxivVersion, "2310.05918v1")]
    [InlineData("https://arxiv.org/pdf/math.GT/0309136v1/", AliasQueryKind.ArxivVersion, "math/0309136v1")]
    [InlineData("arXiv:2310.05918 [cs.LG]", AliasQueryKind.Arxiv, "2310.05918")]
    [InlineData("arXiv:2310.05918v2 [cs.LG].", AliasQueryKind.ArxivVersion, "2310.05918v2")]
    [InlineData("2310.05918 [stat.ML]", AliasQueryKind.Arxiv, "2310.05918")]
    [InlineData("arXiv:hep-th/9901001 [hep-th]", AliasQueryKind.Arxiv, "hep-th/9901001")]
    [InlineData("arXiv:2310.05918  [q-bio.NC]", AliasQueryKind.Arxiv, "2310.05918")]
    [InlineData("https://arxiv.org/html/2310.05918v1", AliasQueryKind.ArxivVersion, "2310.05918v1")]
    [InlineData("https://arxiv.org/html/2310.05918v1/", AliasQueryKind.ArxivVersion, "2310.05918v1")]
    [InlineData("arxiv.org/html/2310.05918v1#S2", AliasQueryKind.ArxivVersion, "2310.05918v1")]
    [InlineData("https://arxiv.org/html/2310.05918", AliasQueryKind.Arxiv, "2310.05918")]
    public void Understands_arxiv_ids_in_every_form(string text, AliasQueryKind kind, string value) =>
        Assert.Equal(new AliasQuery(kind, value), Parsed(text));

    [Theory]
    [InlineData("10.48550/arxiv.2310.05918")]
    [InlineData("10.48550/ARXIV.2310.05918")]
    [InlineData("doi:10.48550/arXiv.2310.05918")]
    [InlineData("DOI: 10.48550/arXiv.2310.05918")]
    [InlineData("https://doi.org/10.48550/arXiv.2310.05918")]
    [InlineData("http://dx.doi.org/10.48550/arXiv.2310.05918.")]
    [InlineData("https://doi.org/10.48550%2FarXiv.2310.05918")]
    [InlineData("doi.org/10.48550/arXiv.2310.05918")]
    [InlineData("www.doi.org/10.48550/arXiv.2310.05918")]
    [InlineData("https://www.doi.org/10.48550/arXiv.2310.05918")]
    [InlineData("https://doi.org/10.48550/arXiv.2310.05918?utm_source=x")]
    [InlineData("https://dx.doi.org/10.48550/arXiv.2310.05918#top")]
    public void Understands_dois_in_every_form(string text) =>
        Assert.Equal(new AliasQuery(AliasQueryKind.Doi, "10.48550/arxiv.2310.05918"), Parsed(text));

    /// <summary>
    /// A DOI's suffix may hold '?', '#' and a final '/': a bare DOI keeps them all; in a doi.org link '?' and '#' start
    /// the query and fragment (the DOI's own are percent-encoded there), while a final '/' stays part of the DOI.
    /// </summary>
    [Theory]
    [InlineData("10.1000/a?b#c", "10.1000/a?b#c")]
    [InlineData("doi:10.1000/A?B", "10.1000/a?b")]
    [InlineData("https://doi.org/10.1000/a%3Fb%23c", "10.1000/a?b#c")]
    [InlineData("https://doi.org/10.1000/a?b#c", "10.1000/a")]
    [InlineData("https://doi.org/10.1000/abc/", "10.1000/abc/")]
    public void Keeps_what_can_be_part_of_a_doi(string text, string value) =>
        Assert.Equal(new AliasQuery(AliasQueryKind.Doi, value), Parsed(text));

    [Theory]
    [InlineData("pith:2023:3V7SYW4G2357KRLWH4ESWW6RSL", AliasQueryKind.PithNumber, "pith:2023:3V7SYW4G2357KRLWH4ESWW6RSL")]
    [InlineData("PITH:2023:3v7syw4g2357krlwh4esww6rsl", AliasQueryKind.PithNumber, "pith:2023:3V7SYW4G2357KRLWH4ESWW6RSL")]
    [InlineData("pith:3V7SYW4G", AliasQueryKind.PithCode, "3V7SYW4G")]
    [InlineData("3v7syw4g", AliasQueryKind.PithCode, "3V7SYW4G")]
    [InlineData("3V7SYW4G2357", AliasQueryKind.PithCode, "3V7SYW4G2357")]
    [InlineData("3V7SYW4G2357KRLW", AliasQueryKind.PithCode, "3V7SYW4G2357KRLW")]
    [InlineData("3V7SYW4G2357KRLWH4ESWW6RSL", AliasQueryKind.PithCode, "3V7SYW4G2357KRLWH4ESWW6RSL")]
    public void Understands_pith_numbers_and_codes(string text, AliasQueryKind kind, string value) =>
        Assert.Equal(new AliasQuery(kind, value), Parsed(text));

    [Theory]
    [InlineData("3V7SYW4G", "pith_short_8")]
    [InlineData("3V7SYW4G2357", "pith_short_12")]
    [InlineData("3V7SYW4G2357KRLW", "pith_short_16")]
    [InlineData("3V7SYW4G2357KRLWH4ESWW6RSL", null)]
    [InlineData("2310.05918", "arxiv")]
    [InlineData("2310.05918v1", "arxiv_version")]
    [InlineData("doi:10.48550/arxiv.2310.05918", "doi")]
    public void Names_the_stored_alias_kind_it_looks_up(string text, string? storedKind) => Assert.Equal(storedKind, Parsed(text).StoredKind);

    [Theory]
    [InlineData("arxiv:", "no arXiv id")]
    [InlineData("10.48550/", "no suffix")]
    [InlineData("pith:2023:", "0 characters")]
    [InlineData("pith:2023:3V7SYW4G2357KRLWH4ESWW6RS", "25 characters")]
    [InlineData("pith:2023:3V7SYW4G2357KRLWH4ESWW6RS1", "outside base32")]
    [InlineData("pith:23:X", "four digits")]
    [InlineData("3V7SYW4", "8, 12, 16 or 26 characters")]
    [InlineData("3V7SYW41", "outside base32")]
    [InlineData("2313.05918", "month 13")]
    [InlineData("0612.0001", "April 2007")]
    [InlineData("1501.0001", "5 digits")]
    [InlineData("1412.00001", "4 digits")]
    [InlineData("2310.05918v0", "start at v1")]
    [InlineData("hep-th/9913001", "month 13")]
    [InlineData("https://example.org/abs/2310.05918", "neither arxiv.org nor doi.org")]
    [InlineData("https://arxiv.org/list/cs.LG", "not /abs/, /html/ or /pdf/")]
    [InlineData("arxiv.org/list/cs.LG?skip=25", "not /abs/, /html/ or /pdf/")]
    [InlineData("https://arxiv.org/abs/?context=cs", "no arXiv id")]
    [InlineData("https://doi.org/?q=10.1000/x", "not a DOI")]
    [InlineData("   ", "empty")]
    [InlineData("arxiv 2310.05918", "did you mean arXiv:2310.05918?")]
    [InlineData("arXiv 2310.05918v1", "did you mean arXiv:2310.05918v1?")]
    [InlineData("doi 10.48550/arXiv.2310.05918", "did you mean doi:10.48550/arXiv.2310.05918?")]
    [InlineData("pith 3V7SYW4G", "did you mean pith:3V7SYW4G?")]
    [InlineData("2310.05918 v1", "white space inside")]
    [InlineData("3V7S YW4G", "white space inside")]
    [InlineData("arXiv:2310.05918 [cs.LG] [cs.AI]", "not an arXiv id")]
    [InlineData("https://arxiv.org/html/", "no arXiv id")]
    public void Gives_a_one_line_reason_for_what_it_cannot_understand(string text, string reason)
    {
        var result = AliasQuery.Parse(text);
        Assert.False(result.Success);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Theory]
    [MemberData(nameof(PithAliasesTests.AllRealRecords), MemberType = typeof(PithAliasesTests))]
    public void Every_alias_of_every_real_record_parses_to_its_stored_form(string file)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Samples.Root, file)));
        foreach (var alias in doc.RootElement.GetProperty("aliases").EnumerateArray())
        {
            var kind = alias.GetProperty("alias_kind").GetString()!;
            var value = alias.GetProperty("alias_value").GetString()!;
            var query = Parsed(value);
            Assert.Equal(kind, query.StoredKind);
            Assert.Equal(PithAliases.NormalizeForLookup(kind, value), query.Value);
        }
    }
}
