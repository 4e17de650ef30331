using System.Text;
using Pith.Core.Documents;
using Xunit;

namespace Pith.Core.Tests.Documents;

public class DocumentDifferencesTests
{
    private static IReadOnlyList<string>? Between(string a, string b) => DocumentDifferences.Between(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    [Fact]
    public void Names_each_differing_field_by_its_path_and_ignores_formatting()
    {
        var a = """{"paper":{"title":"A","authors_text":"X","cats":["a","b"]},"updated_at":"1","same":{"k":1}}""";
        var b = """{ "same": {"k": 1}, "updated_at": "1", "paper": {"title": "a", "cats": ["b", "a"], "headline": ""} }""";

        Assert.Equal(["paper.authors_text", "paper.cats", "paper.headline", "paper.title"], Between(a, b));
        Assert.Empty(Between(a, a)!);
        Assert.Null(Between(a, "not json"));
    }
}
