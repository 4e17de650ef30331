using System.Text;
using System.Text.Json;
using Pith.Index.Export;
using Pith.Testing;
using Xunit;

namespace Pith.Index.Tests.Export;

public class ExportLineTests
{
    [Fact]
    public void A_one_line_record_is_written_byte_for_byte()
    {
        var original = RecordFactory.ToBytes(RecordFactory.Create(TestKey.Default));
        var (line, reflowed) = ExportLine.Of(original);
        Assert.False(reflowed);
        Assert.Equal(original, line.ToArray());
    }

    [Fact]
    public void A_pretty_printed_record_becomes_one_line_holding_the_same_document_that_still_verifies()
    {
        var record = RecordFactory.Create(TestKey.Default, title: "Line\nbreak in the title, \"quoted\"", abstractText: "First.\r\nSecond.");
        var pretty = Encoding.UTF8.GetBytes("\r\n" + record.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\n", "\r\n", StringComparison.Ordinal) + "\n");
        Assert.True(TestIndex.Verifier.Verify(pretty).Valid);

        var (line, reflowed) = ExportLine.Of(pretty);
        Assert.True(reflowed);
        Assert.Equal(-1, line.Span.IndexOfAny((byte)'\n', (byte)'\r'));
        Assert.Equal((byte)'{', line.Span[0]);
        Assert.Equal((byte)'}', line.Span[^1]);
        using var before = JsonDocument.Parse(pretty);
        using var after = JsonDocument.Parse(line);
        Assert.True(JsonElement.DeepEquals(before.RootElement, after.RootElement));
        var verdict = TestIndex.Verifier.Verify(line);
        Assert.True(verdict.Valid);
        Assert.Equal(record["pith_number"]!.GetValue<string>(), verdict.PithNumber.ToString());
    }
}
