using System.Text.Json;
using Xunit;

namespace Pith.Cli.Tests.Resolve;

/// <summary>An unversioned id or DOI names the paper: its newest version indexed, or with --all every version; a versioned id names exactly that one.</summary>
[Collection(ResolveIndexCollection.Name)]
public sealed class ResolveVersionsTests(ResolveIndex index)
{
    private const string Paper = ResolveIndex.ThreeVersions;

    [Fact]
    public void ThreeVersionsImportedOutOfOrder_UnversionedGivesTheNewest_VersionedGivesExactlyThatOne()
    {
        var (v1, v2, v3) = (index.Record(Paper, 1), index.Record(Paper, 2), index.Record(Paper, 3));

        var result = index.Run("resolve", Paper, "10.48550/arXiv." + Paper, $"{Paper}v1", $"arXiv:{Paper}v2", $"https://arxiv.org/abs/{Paper}v3");

        result.AssertExit(0);
        Assert.Equal([v3.PithNumber, v3.PithNumber, v1.PithNumber, v2.PithNumber, v3.PithNumber], result.StdoutLines);
    }

    [Fact]
    public void All_ListsEveryVersionInVersionOrder_ForIdsAndDois_AndChangesNothingForVersionedForms()
    {
        var versions = new[] { 1, 2, 3 }.Select(v => index.Record(Paper, v)).ToArray();

        var result = index.Run("resolve", "--all", Paper, "doi:10.48550/ARXIV." + Paper, $"{Paper}v2");

        result.AssertExit(0);
        var expected = versions.Select(r => $"{r.PithNumber} {Paper}v{r.Version}").ToArray();
        Assert.Equal([.. expected, .. expected, $"{versions[1].PithNumber} {Paper}v2"], result.StdoutLines);
    }

    [Fact]
    public void AllWithJson_OneObjectPerAlias_EveryVersionAmongItsMatches()
    {
        var result = index.Run("resolve", "--all", "--json", "hep-th/9901001", "math/0309136v1");

        result.AssertExit(0);
        Assert.Equal(2, result.StdoutLines.Count);
        using var paper = JsonDocument.Parse(result.StdoutLines[0]);
        Assert.Equal("resolved", paper.RootElement.GetProperty("status").GetString());
        Assert.Equal(
            [(index.Record("hep-th/9901001", 1).PithNumber, 1L), (index.Record("hep-th/9901001", 2).PithNumber, 2L)],
            paper.RootElement.GetProperty("matches").EnumerateArray()
                .Select(m => (m.GetProperty("pith_number").GetString(), m.GetProperty("version").GetInt64())).ToArray());
        using var version = JsonDocument.Parse(result.StdoutLines[1]);
        Assert.Equal(index.Record("math/0309136", 1).PithNumber, Assert.Single(version.RootElement.GetProperty("matches").EnumerateArray()).GetProperty("pith_number").GetString());
    }

    [Fact]
    public void AVersionNotIndexed_IsNotInTheIndex_EvenWhenOthersAre()
    {
        var result = index.Run("resolve", $"{Paper}v4", Paper);

        result.AssertExit(1);
        Assert.Equal([index.Record(Paper, 3).PithNumber], result.StdoutLines);
        Assert.Equal([$"pith: {Paper}v4: not in the index"], result.StderrLines);
    }
}
