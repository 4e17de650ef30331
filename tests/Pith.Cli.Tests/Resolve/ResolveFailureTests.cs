using System.Text.Json;
using Xunit;

namespace Pith.Cli.Tests.Resolve;

/// <summary>Aliases that do not resolve get a one-line reason each and exit 1; the others still resolve.</summary>
[Collection(ResolveIndexCollection.Name)]
public sealed class ResolveFailureTests(ResolveIndex index)
{
    public static readonly TheoryData<string, string> Malformed = new()
    {
        { "arxiv:", "no arXiv id after 'arXiv:'" },
        { "10.48550/", "the DOI '10.48550/' has no suffix after '/'" },
        { "pith:2023:3V7SYW4G2357", "not a Pith number: code has 12 characters, expected 26" },
        { "pith:2023:3V7SYW4G2357KRLWH4ESWW6RS1", "not a Pith number: code has a character outside base32 (A-Z, 2-7)" },
        { "pith:3V7SYW4", "not an alias form pith knows: a Pith code has 8, 12, 16 or 26 characters, 'pith:3V7SYW4' has 7" },
        { "3V7SYW41", "'3V7SYW41' has a character outside base32 (A-Z, 2-7)" },
        { "2313.00001", "'2313.00001' is not an arXiv id: month 13 does not exist" },
        { "1501.0001", "'1501.0001' is not an arXiv id: from 1501 the number has 5 digits" },
        { "https://example.org/abs/2310.05918", "a link that is neither arxiv.org nor doi.org" },
        { "arxiv 2310.05918", "not an alias form pith knows: did you mean arXiv:2310.05918?" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_OneLineReason_Exit1_TheOtherAliasStillResolves(string alias, string reason)
    {
        var seed = index.Seeds[0];

        var result = index.Run("resolve", alias, seed.SourceId);

        result.AssertExit(1);
        result.AssertNoStackTrace();
        Assert.Equal([seed.PithNumber], result.StdoutLines);
        Assert.Equal([$"pith: {alias}: {reason}"], result.StderrLines);
    }

    [Fact]
    public void NotInTheIndex_AndMalformed_InJson_StatusAndReasonPerAlias()
    {
        var result = index.Run("resolve", "--json", "2310.99999", "arxiv:", index.Seeds[1].Code[..12]);

        result.AssertExit(1);
        Assert.Equal("", result.Stderr);
        var objects = result.StdoutLines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        Assert.Equal(["not_found", "invalid", "resolved"], objects.Select(o => o.GetProperty("status").GetString()));
        Assert.Equal("not in the index", objects[0].GetProperty("reason").GetString());
        Assert.Equal("arxiv", objects[0].GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, objects[1].GetProperty("kind").ValueKind);
        Assert.Equal(JsonValueKind.Null, objects[1].GetProperty("normalized").ValueKind);
        Assert.Equal("no arXiv id after 'arXiv:'", objects[1].GetProperty("reason").GetString());
        Assert.Empty(objects[1].GetProperty("matches").EnumerateArray());
        Assert.Equal(index.Seeds[1].PithNumber, objects[2].GetProperty("matches")[0].GetProperty("pith_number").GetString());
    }

    [Fact]
    public void Reasons_AreSanitisedForTheTerminal()
    {
        var result = index.Run("resolve", "\u001b[2J2310.05918");

        result.AssertExit(1);
        Assert.DoesNotContain('\u001b', result.Stderr);
        Assert.StartsWith("pith: \\x1b[2J2310.05918: ", Assert.Single(result.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingIndex_OneLine_Exit2_NothingCreated()
    {
        using var temp = new TempFolder();
        var db = Path.Combine(temp.Root, "sub", "none.db");

        foreach (var command in new[] { "resolve", "show" })
        {
            var result = PithProcess.Run(command, "--db", db, "2310.05918");

            result.AssertExit(2);
            Assert.Equal([$"pith: no index at {db} (run 'pith import' first, or name one with --db)"], result.StderrLines);
            Assert.Equal("", result.Stdout);
        }
        Assert.False(Directory.Exists(Path.Combine(temp.Root, "sub")));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Root));
    }

    [Fact]
    public void UnusableIndexes_OneLine_Exit2_Untouched()
    {
        using var temp = new TempFolder();
        var text = temp.Write("text.db", new string('x', 4096));
        var cut = temp.Write("cut.db", File.ReadAllBytes(index.Db)[..100]);
        var newer = Path.Combine(temp.Root, "newer.db");
        File.Copy(index.Db, newer);
        using (var connection = Import.IndexFile.Open(newer))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99";
            command.ExecuteNonQuery();
        }
        foreach (var (db, reason) in new[]
                 {
                     (text, "is not a pith index (not an SQLite database)"),
                     (cut, "is corrupt"),
                     (newer, "has schema version 99, newer than this pith knows"),
                 })
        {
            var before = File.ReadAllBytes(db);
            var result = PithProcess.Run("resolve", "--db", db, "2310.05918");

            result.AssertExit(2);
            result.AssertNoStackTrace();
            Assert.StartsWith($"pith: {db} {reason}", Assert.Single(result.StderrLines), StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllBytes(db));
        }
    }

    [Fact]
    public void UsageErrors_Exit2()
    {
        foreach (var args in new[] { new[] { "resolve", "--db", index.Db }, ["resolve", "--db", index.Db, "--bogus", "2310.05918"], ["show", "--db", index.Db, "--json", "--canonical", "2310.05918"], ["show", "--db", index.Db, "a", "b"] })
        {
            var result = PithProcess.Run(args);
            result.AssertExit(2);
            Assert.Equal("", result.Stdout);
            Assert.StartsWith("pith: ", result.StderrLines[0], StringComparison.Ordinal);
        }
    }
}
