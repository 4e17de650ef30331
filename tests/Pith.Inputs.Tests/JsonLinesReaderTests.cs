using System.Text;
using Pith.Core.Documents;
using Xunit;

namespace Pith.Inputs.Tests;

public class JsonLinesReaderTests
{
    private static List<(long Line, string? Text, string? Error)> Read(byte[] bytes) =>
        JsonLinesReader.Read(new MemoryStream(bytes)).Select(l => (l.Line, l.Bytes is null ? null : Encoding.UTF8.GetString(l.Bytes), l.Error)).ToList();

    [Fact]
    public void Yields_non_blank_lines_with_their_numbers_and_strips_crlf()
    {
        Assert.Equal([(1, "{\"a\":1}", null), (3, "{\"b\":2}", null), (4, "x", null)], Read(Encoding.UTF8.GetBytes("{\"a\":1}\r\n  \n{\"b\":2}\nx")));
    }

    [Fact]
    public void Reports_a_line_longer_than_a_record_and_goes_on()
    {
        var bytes = new byte[JsonDocumentReader.MaxBytes + 10];
        Array.Fill(bytes, (byte)'a');
        var lines = Read([.. "{}\n"u8, .. bytes, .. "\n{}"u8]);
        Assert.Equal(3, lines.Count);
        Assert.Equal((2L, (string?)null), (lines[1].Line, lines[1].Text));
        Assert.Contains("longer than", lines[1].Error, StringComparison.Ordinal);
        Assert.Equal((3L, "{}"), (lines[2].Line, lines[2].Text));
    }

    [Theory]
    [InlineData("a.jsonl", true)]
    [InlineData("A.JSONL", true)]
    [InlineData("a.json", false)]
    public void Recognises_json_lines_files_by_name(string path, bool expected) => Assert.Equal(expected, JsonLinesReader.IsJsonLines(path));
}
