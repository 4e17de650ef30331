using Pith.Index.Search;
using Xunit;

namespace Pith.Index.Tests.Search;

public class SearchQueryTests
{
    [Theory]
    [InlineData("grokking", "\"grokking\"")]
    [InlineData("  Grokking   as\tcompression ", "\"Grokking\" \"as\" \"compression\"")]
    [InlineData("say \"hi\"", "\"say\" \"\"\"hi\"\"\"")]
    [InlineData("a OR b NEAR(c*", "\"a\" \"OR\" \"b\" \"NEAR(c*\"")]
    public void Quotes_every_term(string text, string expected) => Assert.Equal(expected, SearchQuery.FromText(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Text_without_terms_is_no_query(string text) => Assert.Null(SearchQuery.FromText(text));
}
