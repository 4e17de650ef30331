using System.Security.Cryptography;
using System.Text.Json;
using Pith.Core.Json;
using Xunit;

namespace Pith.Cli.Tests.Resolve;

/// <summary><c>pith show</c>: the stored record byte for byte, its canonical JSON, and a summary safe for the terminal.</summary>
[Collection(ResolveIndexCollection.Name)]
public sealed class ShowTests(ResolveIndex index)
{
    [Fact]
    public void Json_GivesTheStoredRecordByteForByte()
    {
        foreach (var record in new[] { index.Seeds[0], index.Seeds[2], index.Record("math/0309136", 2), index.Record(ResolveIndex.ThreeVersions, 1) })
        {
            var result = index.Run("show", "--json", record.PithNumber);

            result.AssertExit(0);
            Assert.Equal(record.Bytes, System.Text.Encoding.UTF8.GetBytes(result.Stdout));
        }
    }

    [Fact]
    public void Canonical_IsTheCanonicalJsonOfTheCanonicalRecord_WhoseHashIsTheStatedOne()
    {
        foreach (var record in new[] { index.Seeds[0], index.Seeds[1], index.Record("hep-th/9901001", 2) })
        {
            var result = index.Run("show", "--canonical", record.Code[..8]);

            result.AssertExit(0);
            using var document = JsonDocument.Parse(record.Bytes);
            var (expected, _) = CanonicalJson.Serialize(document.RootElement.GetProperty("canonical_record"));
            var output = System.Text.Encoding.UTF8.GetBytes(result.Stdout);
            Assert.Equal(expected, output);
            Assert.Equal(document.RootElement.GetProperty("canonical_sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(output)));
        }
    }

    [Fact]
    public void Summary_NumberTitleSourceVersionsKeyImportAndOlderCopies()
    {
        var (v1, v2, v3) = (index.Record(ResolveIndex.ThreeVersions, 1), index.Record(ResolveIndex.ThreeVersions, 2), index.Record(ResolveIndex.ThreeVersions, 3));

        var result = index.Run("show", $"arXiv:{ResolveIndex.ThreeVersions}v1");

        result.AssertExit(0);
        var lines = result.StdoutLines;
        Assert.Equal($"{v1.PithNumber}  (pith:{v1.Code[..8]})", lines[0]);
        Assert.Equal($"  title          {v1.Title}  [checked up to case and white space]", lines[1]);
        Assert.Equal($"  source         arxiv {ResolveIndex.ThreeVersions}v1  [signed]", lines[2]);
        Assert.Equal("  submitted      2023-10-11T12:00:00Z  [signed]", lines[3]);
        Assert.Equal("  license        http://creativecommons.org/licenses/by/4.0/  [signed]", lines[4]);
        Assert.Equal("  categories     cs.LG (cs.AI, stat.ML)  [signed]", lines[5]);
        Assert.Equal($"  other versions {ResolveIndex.ThreeVersions}v2 {v2.PithNumber}, {ResolveIndex.ThreeVersions}v3 {v3.PithNumber}", lines[6]);
        Assert.Equal("  key            pith-test-2026", lines[7]);
        Assert.Equal("  documents      pith_number_record", lines[8]);
        Assert.Equal("  updated        2026-07-05T06:58:51.293543+00:00  [not signed]", lines[9]);
        Assert.Matches(@"^  imported       \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z from .*generated\.jsonl:\d+ \(run 1\)$", lines[10]);
        Assert.Equal("  older copies   1 kept (the resolver reissued this record)", lines[11]);
        Assert.Equal("  variants       none", lines[12]);
        Assert.Equal(13, lines.Count);
    }

    [Fact]
    public void Summary_OfAnUnversionedId_IsTheNewestVersion_AndASeedHasNoOtherVersionOrOlderCopy()
    {
        var newest = index.Run("show", "https://arxiv.org/abs/" + ResolveIndex.ThreeVersions);
        newest.AssertExit(0);
        Assert.StartsWith(index.Record(ResolveIndex.ThreeVersions, 3).PithNumber + " ", newest.StdoutLines[0], StringComparison.Ordinal);

        var seed = index.Seeds[1];
        var result = index.Run("show", seed.PithNumber);
        result.AssertExit(0);
        Assert.Contains("  other versions none indexed", result.StdoutLines);
        Assert.Contains("  older copies   none", result.StdoutLines);
        Assert.Contains("  key            pith-v1-2026-05", result.StdoutLines);
        Assert.Contains($"  title          {seed.Title}  [checked up to case and white space]", result.StdoutLines);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("  authors        ", StringComparison.Ordinal) && l.EndsWith("  [not signed]", StringComparison.Ordinal));
    }

    [Fact]
    public void Summary_SanitisesTheTitle_ForTheTerminal()
    {
        var result = index.Run("show", ResolveIndex.EscapeTitleId);

        result.AssertExit(0);
        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.DoesNotContain('\u0007', result.Stdout);
        Assert.DoesNotContain('\u202E', result.Stdout);
        Assert.Contains("  title          Evil \\x1b]0;pwned\\x07 title \\u202egnp.exe  [checked up to case and white space]", result.StdoutLines);
    }

    [Fact]
    public void NotInTheIndex_OrMalformed_TheResolveReason_Exit1()
    {
        var missing = index.Run("show", "2310.99999");
        missing.AssertExit(1);
        Assert.Equal(["pith: 2310.99999: not in the index"], missing.StderrLines);
        Assert.Equal("", missing.Stdout);

        var malformed = index.Run("show", "10.48550/");
        malformed.AssertExit(1);
        Assert.Equal(["pith: 10.48550/: the DOI '10.48550/' has no suffix after '/'"], malformed.StderrLines);
    }
}
