using System.Text.Json;
using Xunit;

namespace Pith.Cli.Tests.Resolve;

/// <summary>Every accepted alias form, for the seed records and for generated ones, resolves to the right Pith number.</summary>
[Collection(ResolveIndexCollection.Name)]
public sealed class ResolveFormsTests(ResolveIndex index)
{
    [Fact]
    public void EveryForm_OfEveryRecord_ResolvesToItsPithNumber_OneJsonLinePerAliasInInputOrder()
    {
        var cases = index.All
            .SelectMany(r => AliasForms.Versioned(r.SourceId, r.Version, r.PithNumber).Select(form => (Form: form, Expected: r.PithNumber))
                .Concat(AliasForms.Unversioned(r.SourceId).Select(form => (Form: form, Expected: index.Newest(r.SourceId).PithNumber))))
            .ToArray();

        var result = index.Run("resolve", ["--json", .. cases.Select(c => c.Form)]);

        result.AssertExit(0);
        Assert.Equal("", result.Stderr);
        var lines = result.StdoutLines;
        Assert.Equal(cases.Length, lines.Count);
        for (var i = 0; i < cases.Length; i++)
        {
            using var line = JsonDocument.Parse(lines[i]);
            var json = line.RootElement;
            Assert.True(json.GetProperty("query").GetString() == cases[i].Form, $"line {i}: {lines[i]}");
            Assert.True(json.GetProperty("status").GetString() == "resolved", $"'{cases[i].Form}': {lines[i]}");
            var match = Assert.Single(json.GetProperty("matches").EnumerateArray());
            Assert.True(match.GetProperty("pith_number").GetString() == cases[i].Expected, $"'{cases[i].Form}' should be {cases[i].Expected}: {lines[i]}");
            Assert.Equal(JsonValueKind.Null, json.GetProperty("reason").ValueKind);
        }
    }

    [Fact]
    public void Json_SaysHowEachAliasWasUnderstood()
    {
        var seed = index.Seeds[0];
        var oldStyle = index.Record("math/0309136", 2);
        var result = index.Run("resolve", "--json", "arXiv:" + seed.SourceId, "MATH.GT/0309136v2", "https://doi.org/10.48550/ARXIV.MATH%2F0309136",
            seed.PithNumber, "pith:" + seed.Code[..8].ToLowerInvariant(), seed.Code);

        result.AssertExit(0);
        var understood = result.StdoutLines.Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var match = json.RootElement.GetProperty("matches")[0];
            return $"{json.RootElement.GetProperty("kind").GetString()} {json.RootElement.GetProperty("normalized").GetString()} -> " +
                   $"{match.GetProperty("source_id").GetString()} v{match.GetProperty("version").GetInt64()}";
        });
        Assert.Equal(
        [
            $"arxiv {seed.SourceId} -> {seed.SourceId} v{seed.Version}",
            $"arxiv_version math/0309136v2 -> math/0309136 v2",
            $"doi 10.48550/arxiv.math/0309136 -> math/0309136 v3",
            $"pith_number {seed.PithNumber} -> {seed.SourceId} v{seed.Version}",
            $"pith_code {seed.Code[..8]} -> {seed.SourceId} v{seed.Version}",
            $"pith_code {seed.Code} -> {seed.SourceId} v{seed.Version}",
        ], understood);
        Assert.Contains(oldStyle.PithNumber, result.StdoutLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Human_OnePithNumberPerAlias_InInputOrder()
    {
        var (a, b, c) = (index.Seeds[0], index.Seeds[1], index.Record("hep-th/9901001", 1));
        var result = index.Run("resolve", b.Code[..8].ToLowerInvariant(), "arXiv:" + a.SourceId + "v" + a.Version, "hep-th/9901001v1", "https://doi.org/10.48550/arXiv.hep-th/9901001");

        result.AssertExit(0);
        Assert.Equal([b.PithNumber, a.PithNumber, c.PithNumber, index.Newest("hep-th/9901001").PithNumber], result.StdoutLines);
        Assert.Equal("", result.Stderr);
    }
}
