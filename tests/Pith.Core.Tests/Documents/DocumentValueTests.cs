using System.Text;
using Pith.Core.Documents;
using Xunit;

namespace Pith.Core.Tests.Documents;

public class DocumentValueTests
{
    private static byte[]? Sha(string json) => DocumentValue.Sha256(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("{\"a\":1,\"b\":[\"é\",true,null]}", "{\n  \"b\": [ \"\\u00e9\", true, null ],\r\n  \"a\": 1\n}")]
    [InlineData("{\"x\":\"a/b\"}", "{\"x\":\"a\\/b\"}")]
    [InlineData("{\"x\":1.5}", "{\"x\":15e-1}")]
    [InlineData("{\"x\":1.0}", "{\"x\":1}")]
    [InlineData("{\"x\":-0}", "{\"x\":0}")]
    public void The_same_json_value_in_another_form_is_the_same_document(string a, string b)
    {
        Assert.NotNull(Sha(a));
        Assert.Equal(Sha(a), Sha(b));
    }

    [Theory]
    [InlineData("{\"a\":1}", "{\"a\":2}")]
    [InlineData("{\"a\":\"Title\"}", "{\"a\":\"TITLE\"}")]
    [InlineData("{\"a\":[1,2]}", "{\"a\":[2,1]}")]
    [InlineData("{\"a\":1}", "{\"a\":1,\"b\":null}")]
    [InlineData("{\"a\":\"1\"}", "{\"a\":1}")]
    public void Another_value_is_another_document(string a, string b) => Assert.NotEqual(Sha(a), Sha(b));

    [Fact]
    public void Bytes_that_are_not_json_have_no_value() => Assert.Null(Sha("not json"));
}
