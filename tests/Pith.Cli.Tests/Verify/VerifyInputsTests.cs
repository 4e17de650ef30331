using Xunit;

namespace Pith.Cli.Tests.Verify;

/// <summary>How <c>pith verify</c> takes its inputs: several paths, standard input, missing paths, folder trees.</summary>
public sealed class VerifyInputsTests
{
    [Fact]
    public void SeveralInputs_AFailureDoesNotStopTheRest()
    {
        var notRecord = Samples.FilesIn(Samples.NotRecords)[0];
        var (first, firstNumber) = Samples.Seeds[0];
        var (last, lastNumber) = Samples.Seeds[2];

        var result = PithProcess.Run("verify", first, notRecord, last);

        result.AssertExit(1);
        var lines = result.StdoutLines;
        Assert.Equal(3, lines.Count);
        Assert.Equal($"OK {firstNumber} {first}", lines[0]);
        Assert.StartsWith($"FAIL {notRecord}: parse: ", lines[1], StringComparison.Ordinal);
        Assert.Equal($"OK {lastNumber} {last}", lines[2]);
        Assert.Contains("2 valid, 1 invalid, 0 unreadable", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardInput_IsVerifiedUnderTheNameDash()
    {
        var (path, number) = Samples.Seeds[2];

        var result = PithProcess.Run(["verify", "-"], stdin: Samples.ReadBytes(path));

        result.AssertExit(0);
        Assert.Equal([$"OK {number} -"], result.StdoutLines);
    }

    [Fact]
    public void StandardInput_Json_PathIsDash()
    {
        var (path, number) = Samples.Seeds[0];

        var result = PithProcess.Run(["verify", "--json", "-"], stdin: Samples.ReadBytes(path));

        result.AssertExit(0);
        var verdict = Assert.Single(JsonLines.Parse(result));
        Assert.Equal("-", verdict.GetProperty("path").GetString());
        Assert.Equal(number, verdict.GetProperty("pith_number").GetString());
        Assert.True(verdict.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public void StandardInputIsAFolder_OneUnreadableLine_TheOtherPathsAreVerified()
    {
        using var temp = new TempFolder();
        var (path, number) = Samples.Seeds[1];

        var result = PithProcess.RunWithStandardInputFrom(temp.Root, "verify", "-", path);

        result.AssertExit(2);
        Assert.Equal(
            ["FAIL -: read: standard input is a folder, not a document (name the folder instead: pith reads every file in it)", $"OK {number} {path}"],
            result.StdoutLines);
        Assert.Contains("1 valid, 0 invalid, 1 unreadable", result.Stderr, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void MissingPath_Exit2_WithOneLineNamingIt()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Root, "no-such-record.json");

        var result = PithProcess.Run("verify", missing);

        result.AssertExit(2);
        var line = Assert.Single(result.StdoutLines);
        Assert.StartsWith($"FAIL {missing}: read: ", line, StringComparison.Ordinal);
        Assert.Contains("no such file", line, StringComparison.Ordinal);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void MissingPathBesideAValidRecord_TheRecordIsStillVerified_Exit2()
    {
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Root, "gone");
        var (path, number) = Samples.Seeds[1];

        var result = PithProcess.Run("verify", missing, path);

        result.AssertExit(2);
        Assert.Equal(2, result.StdoutLines.Count);
        Assert.StartsWith($"FAIL {missing}: read: ", result.StdoutLines[0], StringComparison.Ordinal);
        Assert.Equal($"OK {number} {path}", result.StdoutLines[1]);
        Assert.Contains("1 valid, 0 invalid, 1 unreadable", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_IsReadRecursively_InOrdinalPathOrder_TheSameEveryRun()
    {
        using var temp = new TempFolder();
        // Files beside folders at every level, names that sort differently per component and per full path
        // ("a.json" < "a/..." because '.' < '/'), and more files than one verification batch (64).
        var expected = new List<(string Path, string PithNumber)>();
        void Add(string relative, int seed)
        {
            var (source, number) = Samples.Seeds[seed % Samples.Seeds.Length];
            temp.Write(Path.Combine("tree", relative), Samples.ReadBytes(source));
            expected.Add((Path.Combine("tree", relative), number));
        }
        Add("z.json", 0);
        Add("a.json", 1);
        Add(Path.Combine("a", "0.json"), 2);
        Add(Path.Combine("a", "d.json"), 0);
        Add(Path.Combine("a", "b", "deep", "x.json"), 1);
        for (var i = 0; i < 70; i++) Add(Path.Combine("a", "c", $"r{i:D3}.json"), i);
        var ordered = expected.OrderBy(e => e.Path, StringComparer.Ordinal).Select(e => $"OK {e.PithNumber} {e.Path}").ToArray();

        var first = PithProcess.Run(["verify", "tree"], workingDirectory: temp.Root);
        var second = PithProcess.Run(["verify", "tree"], workingDirectory: temp.Root);

        first.AssertExit(0);
        Assert.Equal(ordered, first.StdoutLines);
        Assert.Equal(first.Stdout, second.Stdout);
        second.AssertExit(0);
    }
}
