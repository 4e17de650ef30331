using Pith.Core.Documents;
using Xunit;

namespace Pith.Core.Tests.Documents;

public sealed class ParseResultTests
{
    [Fact]
    public void A_value_is_a_success_even_when_it_is_a_struct_default()
    {
        var zero = ParseResult<int>.ForValue(0);
        Assert.True(zero.Success);
        Assert.Equal(0, zero.Value);
        Assert.Null(zero.Error);
    }

    [Fact]
    public void A_reason_is_a_failure_without_a_value()
    {
        var refused = ParseResult<int>.ForError("holds no digits");
        Assert.False(refused.Success);
        Assert.Equal("holds no digits", refused.Error);
        Assert.Equal(default, refused.Value);
        Assert.False(ParseResult<string>.ForError("empty").Success);
        Assert.Null(ParseResult<string>.ForError("empty").Value);
    }
}
