using System.Text;
using Pith.Core.Documents;
using Xunit;

namespace Pith.Core.Tests.Documents;

public class JsonDocumentReaderTests
{
    private static string ErrorOf(byte[] bytes)
    {
        var result = JsonDocumentReader.Read(bytes);
        Assert.False(result.Success);
        Assert.DoesNotContain('\n', result.Error!);
        return result.Error!;
    }

    private static string ErrorOf(string text) => ErrorOf(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Tolerates_a_leading_bom()
    {
        var result = JsonDocumentReader.Read((byte[])[0xEF, 0xBB, 0xBF, .. "{\"a\":1}"u8]);
        Assert.True(result.Success, result.Error);
        result.Value!.Dispose();
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("{\"x\":{\"y\":[{\"k\":1,\"k\":1}]}}")]
    [InlineData("{\"a\":1,\"\\u0061\":2}")]
    public void Rejects_duplicate_keys_anywhere(string json) => Assert.StartsWith("duplicate key", ErrorOf(json), StringComparison.Ordinal);

    [Fact]
    public void Bounds_the_nesting_depth()
    {
        var ok = JsonDocumentReader.Read(Encoding.ASCII.GetBytes(new string('[', 64) + new string(']', 64)));
        Assert.True(ok.Success, ok.Error);
        ok.Value!.Dispose();
        Assert.Contains("deeper than 64", ErrorOf(new string('[', 65) + new string(']', 65)), StringComparison.Ordinal);
    }

    [Fact]
    public void Bounds_the_size()
    {
        var big = new byte[JsonDocumentReader.MaxBytes + 1];
        Assert.Contains("more than", ErrorOf(big), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_invalid_utf8_and_utf16()
    {
        Assert.Contains("not valid UTF-8", ErrorOf([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']), StringComparison.Ordinal);
        Assert.Contains("UTF-16", ErrorOf(Encoding.Unicode.GetBytes("{\"a\":1}")), StringComparison.Ordinal);
        Assert.Contains("UTF-16", ErrorOf(Encoding.BigEndianUnicode.GetBytes("{\"a\":1}")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0, 0 }, "not JSON: the file does not start with '{'")]
    [InlineData(new byte[] { (byte)'{', 0, (byte)'}' }, "malformed JSON (line 1, byte 2)")]
    [InlineData(new byte[] { (byte)'{', (byte)'}', 0, 0 }, "malformed JSON (line 1, byte 3)")]
    public void Does_not_take_other_NUL_bytes_for_UTF16(byte[] bytes, string reason) =>
        Assert.StartsWith(reason, ErrorOf(bytes), StringComparison.Ordinal);

    [Theory]
    [InlineData("<!DOCTYPE html><html></html>", "HTML")]
    [InlineData("Join ArxivLens to unlock", "not JSON")]
    [InlineData("", "empty")]
    [InlineData("  \n ", "empty")]
    [InlineData("{\"a\":1", "malformed JSON")]
    [InlineData("{\"a\":1,}", "malformed JSON")]
    [InlineData("{\"a\":1} {}", "malformed JSON")]
    [InlineData("{\"a\":NaN}", "malformed JSON")]
    public void Gives_a_one_line_reason_for_non_json(string text, string reason) =>
        Assert.Contains(reason, ErrorOf(text), StringComparison.Ordinal);

    [Fact]
    public void Rejects_the_sample_non_records()
    {
        foreach (var file in Directory.EnumerateFiles(Samples.NotRecords))
            Assert.StartsWith("not JSON", ErrorOf(File.ReadAllBytes(file)), StringComparison.Ordinal);
    }
}
