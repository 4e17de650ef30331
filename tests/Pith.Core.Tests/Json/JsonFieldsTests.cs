using System.Text.Json;
using Pith.Core.Json;
using Xunit;

namespace Pith.Core.Tests.Json;

public class JsonFieldsTests
{
    [Theory]
    [InlineData("{\"k\":\"abc\"}", "abc", true)]
    [InlineData("{\"k\":\"\"}", "", true)]
    [InlineData("{\"k\":\"abc\"}", "abd", false)]
    [InlineData("{\"k\":\"abc\"}", "ab", false)]
    [InlineData("{\"k\":\"ab\"}", "abc", false)]
    [InlineData("{\"k\":\"ABC\"}", "abc", false)]
    // Spelt with an escape, or outside ASCII: equal once decoded, but not spelt as the text; String decides.
    [InlineData("{\"k\":\"\\u0061bc\"}", "abc", false)]
    [InlineData("{\"k\":\"\u00e9\"}", "\u00e9", false)]
    [InlineData("{\"k\":1}", "1", false)]
    [InlineData("{\"k\":[\"abc\"]}", "abc", false)]
    [InlineData("{\"j\":\"abc\"}", "abc", false)]
    [InlineData("[\"abc\"]", "abc", false)]
    public void IsSpelt_only_when_the_raw_string_is_the_text(string json, string text, bool spelt)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal(spelt, JsonFields.IsSpelt(document.RootElement, "k", text));
        // Spelt says what String reads.
        if (spelt) Assert.Equal(text, JsonFields.String(document.RootElement, "k").Value);
    }
}
