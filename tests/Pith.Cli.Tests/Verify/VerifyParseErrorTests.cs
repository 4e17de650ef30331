using Xunit;

namespace Pith.Cli.Tests.Verify;

/// <summary>Damaged records are rejected with a one-line parse reason, never hashed.</summary>
public sealed class VerifyParseErrorTests
{
    [Fact]
    public void DuplicateKey_IsRejectedAsAmbiguous()
    {
        using var temp = new TempFolder();
        var text = System.Text.Encoding.UTF8.GetString(Samples.ReadBytes(Samples.Seeds[0].Path));
        var open = text.IndexOf('{', StringComparison.Ordinal);
        // Same key, same value: still refused, as parsers disagree on which copy wins.
        var path = temp.Write("duplicate.json", text.Insert(open + 1, "\"record_type\":\"pith_number_record\","));

        var result = PithProcess.Run("verify", path);

        result.AssertExit(1);
        var line = Assert.Single(result.StdoutLines);
        Assert.StartsWith($"FAIL {path}: parse: duplicate key", line, StringComparison.Ordinal);
        Assert.Contains("record_type", line, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedRecord_IsMalformedJson()
    {
        using var temp = new TempFolder();
        var bytes = Samples.ReadBytes(Samples.Seeds[1].Path);
        var path = temp.Write("truncated.json", bytes[..(bytes.Length / 2)]);

        var result = PithProcess.Run("verify", path);

        result.AssertExit(1);
        var line = Assert.Single(result.StdoutLines);
        Assert.StartsWith($"FAIL {path}: parse: malformed JSON", line, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }
}
