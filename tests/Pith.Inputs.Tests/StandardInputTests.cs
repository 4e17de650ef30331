using System.Text;
using Xunit;

namespace Pith.Inputs.Tests;

public class StandardInputTests
{
    [Theory]
    [InlineData("{\"a\":1}\n{\"b\":2}\n", true)]
    [InlineData("\n\n{\"a\":1}\n", true)]
    [InlineData("{\n  \"a\": 1\n}\n", false)]
    [InlineData("{\"a\":1}", false)]
    [InlineData("<html>\n</html>", false)]
    // The first line no document by itself: JSON Lines whose first line is damaged, or one pretty-printed document.
    [InlineData("garbage\n{\"a\":1}\n\n{\"b\":2}\n", true)]
    [InlineData("{\"a\":\n{\"a\":1}\n", true)]
    [InlineData("{\n  \"a\": [\n    {},\n    { }\n  ]\n}\n", false)]
    [InlineData("{\n  \"a\": {\"b\": 1},\n  \"c\": 2\n}\n", false)]
    [InlineData("garbage\n{\"a\":1}", false)]
    public void Is_json_lines_when_the_first_line_is_complete_json(string text, bool expected)
    {
        var (stream, isJsonLines) = StandardInput.Classify(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(expected, isJsonLines);
        // Nothing read for the decision is lost.
        using var reader = new StreamReader(stream);
        Assert.Equal(text, reader.ReadToEnd());
    }
}
