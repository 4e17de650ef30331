using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Conventions;

/// <summary>Results on stdout; REJECT lines, summaries and diagnostics on stderr, in every command.</summary>
public sealed class StreamsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Import_PrintsRejectLinesAndItsSummaryOnStderr_AndItsJsonOnStdout()
    {
        var db = Path.Combine(_temp.Root, "index.db");
        var bad = _temp.Write("bad.json", "{}");

        var human = PithImport.Run(db, Samples.Seeds[0].Path, bad);

        human.AssertExit(1);
        Assert.Empty(human.Stdout);
        Assert.StartsWith($"REJECT {bad}: ", human.StderrLines[0], StringComparison.Ordinal);
        // The summary in the form of every command's report, as verify's: "pith COMMAND: ...".
        Assert.StartsWith("pith import: imported 1, updated 0, unchanged 0", human.StderrLines[1], StringComparison.Ordinal);
        Assert.StartsWith("pith import: 2 inputs in ", human.StderrLines[2], StringComparison.Ordinal);
        Assert.Equal(3, human.StderrLines.Count);

        var json = PithImport.Run(db, "--json", bad);
        json.AssertExit(1);
        Assert.Empty(json.Stderr);
        Assert.Equal(1, PithImport.Summary(json).GetProperty("rejected").GetInt64());
    }

    [Fact]
    public void Audit_PrintsItsSummaryOnStderr()
    {
        var db = Path.Combine(_temp.Root, "index.db");
        PithImport.Run(db, Samples.Records).AssertExit(0);

        var audit = PithProcess.Run("audit", "--db", db);

        audit.AssertExit(0);
        Assert.Empty(audit.Stdout);
        Assert.StartsWith("pith audit: audited 3 records", Assert.Single(audit.StderrLines), StringComparison.Ordinal);
        Assert.EndsWith("all sound", audit.StderrLines[0], StringComparison.Ordinal);
    }
}
