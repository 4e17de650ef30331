using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Conventions;

/// <summary>
/// <c>pith verify - &lt;&amp;-</c>: standard input closed before pith starts is one unreadable input saying so, and the
/// other paths go on. (The first file the runtime opens takes descriptor 0, and reading it waited for ever.)
/// </summary>
public sealed class ClosedStandardInputTests
{
    private const string Closed = "exec \"$0\" \"$@\" <&-";

    [Fact]
    public void Verify_says_standard_input_is_closed_and_verifies_the_other_paths()
    {
        var (path, number) = Samples.Seeds[1];

        var result = PithProcess.RunInShell(Closed, new Dictionary<string, string>(), "verify", "-", path);

        result.AssertExit(2);
        Assert.Equal(["FAIL -: read: standard input is closed", $"OK {number} {path}"], result.StdoutLines);
        Assert.Contains("1 valid, 0 invalid, 1 unreadable", result.Stderr, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void Import_rejects_standard_input_as_closed_and_imports_the_other_paths()
    {
        using var temp = new TempFolder();
        var db = Path.Combine(temp.Root, "index.db");
        var (path, _) = Samples.Seeds[0];

        var result = PithProcess.RunInShell(Closed, new Dictionary<string, string>(), PithImport.Args(db, ["--json", "-", path]));

        result.AssertExit(1);
        var summary = PithImport.Summary(result);
        Assert.Equal([1L, 0, 0, 0, 1], PithImport.Counts(summary));
        var reject = Assert.Single(summary.GetProperty("rejects").EnumerateArray());
        Assert.Equal("-", reject.GetProperty("path").GetString());
        Assert.Equal("standard input is closed", reject.GetProperty("reason").GetString());
    }
}
