using Pith.Cli.Tests.Import;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Search;

/// <summary>
/// Invisible format characters and line or paragraph separators in a record's title (which is unsigned display text)
/// reach no terminal raw: show and search print them as escapes, like control characters.
/// </summary>
public sealed class InvisibleCharactersTests
{
    private const string Title = "Hidden\u200Bzero \uFEFFbom \u2028line \u2029para \u061Calm \u2066iso\u2069 end";

    private static readonly string[] Raw = ["\u200B", "\uFEFF", "\u2028", "\u2029", "\u061C", "\u2066", "\u2069"];

    [Fact]
    public void Show_and_search_print_them_escaped()
    {
        using var temp = new TempFolder();
        var db = Path.Combine(temp.Root, "index.db");
        var keys = PithImport.WriteTestKey(temp);
        var record = temp.Write("r.json", RecordFactory.ToBytes(RecordFactory.Create(TestKey.Default, sourceId: "2401.00077", title: Title)));
        PithImport.Run(db, "--keys", keys, "--quiet", record).AssertExit(0);

        var show = PithProcess.Run("show", "--db", db, "2401.00077");
        var search = PithProcess.Run("search", "--db", db, "hidden");

        show.AssertExit(0);
        search.AssertExit(0);
        const string shown = @"Hidden\u200bzero \ufeffbom \u2028line \u2029para \u061calm \u2066iso\u2069 end";
        Assert.Contains(show.StdoutLines, l => l.EndsWith("title          " + shown + "  [checked up to case and white space]", StringComparison.Ordinal));
        Assert.EndsWith(shown, Assert.Single(search.StdoutLines), StringComparison.Ordinal);
        foreach (var raw in Raw)
        {
            Assert.DoesNotContain(raw, show.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(raw, search.Stdout, StringComparison.Ordinal);
        }
    }
}
