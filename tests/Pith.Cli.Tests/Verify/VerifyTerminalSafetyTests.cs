using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Verify;

/// <summary>
/// Record text and file names are untrusted: printed to a terminal they must not carry escape sequences or
/// bidi overrides (which could recolour, hide or reorder the verdict). JSON output keeps the text exact.
/// </summary>
public sealed class VerifyTerminalSafetyTests : IDisposable
{
    private const string Esc = "\u001b";
    private const string Rlo = "\u202e";
    private const string HostileTitle = "Grokking " + Esc + "[31mRED" + Esc + "[0m " + Rlo + "fdp.exe";
    // The verifier never quotes the title, so the signed licence carries the same characters into check details.
    private const string HostileLicense = Esc + "[31mRED " + Rlo + "cc-by";

    private readonly TempFolder _temp;
    private readonly string _keys;
    private readonly string _recordPath;

    public VerifyTerminalSafetyTests()
    {
        var record = RecordFactory.Create(TestKey.Default, title: HostileTitle, license: HostileLicense);
        // Tampered after signing: the title is not signed, only its hash, so the signature holds and title_hash fails.
        record["paper"]!["title"] = HostileTitle + " (edited)";
        var bytes = RecordFactory.ToBytes(record);
        _temp = new TempFolder();
        _keys = _temp.Write("test-key.json", TestKey.Default.ToKeyFileJson());
        try
        {
            _recordPath = _temp.Write("bad\u0007name.json", bytes);
        }
        catch (IOException)
        {
            // A file system that refuses control characters in names: the record text is still tested.
            _recordPath = _temp.Write("bad-name.json", bytes);
        }
    }

    private bool HostileName => _recordPath.Contains('\u0007', StringComparison.Ordinal);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void HumanOutput_ShowsControlsAndBidiOverridesEscaped()
    {
        var result = PithProcess.Run("verify", "--verbose", "--keys", _keys, _recordPath);

        result.AssertExit(1);
        foreach (var text in new[] { result.Stdout, result.Stderr })
        {
            Assert.DoesNotContain(Esc, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Rlo, text, StringComparison.Ordinal);
            Assert.DoesNotContain("\u0007", text, StringComparison.Ordinal);
        }
        var shownPath = _recordPath.Replace("\u0007", "\\x07", StringComparison.Ordinal);
        Assert.StartsWith($"FAIL {shownPath}: title_hash: ", result.StdoutLines[0], StringComparison.Ordinal);
        if (HostileName) Assert.Contains("bad\\x07name.json", result.StdoutLines[0], StringComparison.Ordinal);
        // Escaped, not dropped: the user can still see what the record says.
        Assert.Contains(@"  pass  paper.license: \x1b[31mRED \u202ecc-by", result.StdoutLines);
        Assert.Contains(result.StdoutLines, line => line.StartsWith("  pass  signature: ", StringComparison.Ordinal));
    }

    [Fact]
    public void JsonOutput_ParsesAndCarriesTheExactText()
    {
        var result = PithProcess.Run("verify", "--json", "--keys", _keys, _recordPath);

        result.AssertExit(1);
        var verdict = Assert.Single(JsonLines.Parse(result));
        Assert.Equal(_recordPath, verdict.GetProperty("path").GetString());
        Assert.Equal(["title_hash"], JsonLines.ChecksWithStatus(verdict, "fail"));
        Assert.Contains("hashes to", JsonLines.Check(verdict, "title_hash").GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HostileLicense, JsonLines.Check(verdict, "paper.license").GetProperty("detail").GetString());
        Assert.Equal("pass", JsonLines.Check(verdict, "signature").GetProperty("status").GetString());
    }

    [Fact]
    public void UsageError_EchoesTheOffendingArgumentEscaped()
    {
        var result = PithProcess.Run("verify", "--bo" + Esc + "[2Jgus", "x");

        result.AssertExit(2);
        Assert.DoesNotContain(Esc, result.Stderr, StringComparison.Ordinal);
        Assert.Contains(@"--bo\x1b[2Jgus", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_named_after_an_alias_kind_from_the_record_is_escaped()
    {
        // An alias of a kind the spec does not know is listed as not checked, under a name built from the record's text.
        var record = RecordFactory.Create(TestKey.Default);
        record["aliases"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject
        {
            ["alias_kind"] = "x" + Esc + "]0;owned\u0007" + Esc + "[31m\u200b",
            ["alias_value"] = "v",
        });
        var path = _temp.Write("alias-kind.json", RecordFactory.ToBytes(record));

        var result = PithProcess.Run("verify", "--verbose", "--keys", _keys, path);

        result.AssertExit(0);
        Assert.DoesNotContain(Esc, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(result.StdoutLines, l => l.StartsWith(@"  skip  alias.x\x1b]0;owned\x07\x1b[31m\u200b: ", StringComparison.Ordinal));
    }
}
