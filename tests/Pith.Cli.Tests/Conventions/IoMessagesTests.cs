using Pith.Cli.Tests.Import;
using Xunit;

namespace Pith.Cli.Tests.Conventions;

/// <summary>.NET's exception messages never reach the user: each I/O failure is a reason in pith's words, in one line.</summary>
public sealed class IoMessagesTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void KeyFiles_Missing_AFolder_OrCutShort_AreNamedInOurWords()
    {
        var missing = Path.Combine(_temp.Root, "missing.json");
        var folder = Directory.CreateDirectory(Path.Combine(_temp.Root, "keys")).FullName;
        var cut = _temp.Write("cut.json", "{\"keys\":[{\"key_id\":\"a\"");

        AssertOneLine(PithProcess.Run("verify", "--keys", missing, Samples.Seeds[0].Path), $"pith: key file {missing}: cannot read: no such file");
        AssertOneLine(PithProcess.Run("verify", "--keys", folder, Samples.Seeds[0].Path), $"pith: key file {folder}: cannot read: it is a folder");
        AssertOneLine(PithProcess.Run("keys", "add", cut),
            $"pith: key file {cut}: malformed JSON (line 1, byte 23): it ends before every object and array is closed (cut short?)");
    }

    [Fact]
    public void AUserKeyStoreCutShort_IsNamedInOurWords()
    {
        _temp.Write(Path.Combine("config", "pith", "keys.json"), "[");
        var environment = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = Path.Combine(_temp.Root, "config") };

        var result = PithProcess.Run(["keys", "list"], environment: environment);

        result.AssertExit(2);
        Assert.Contains("it ends before every object and array is closed", Assert.Single(result.StderrLines), StringComparison.Ordinal);
        result.AssertNoStackTrace();
        Assert.DoesNotContain("Expected depth", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIndexPathThatIsAFolder_IsNamedInOurWords()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_temp.Root, "index.db")).FullName;

        AssertOneLine(PithImport.Run(folder, Samples.Seeds[0].Path), $"pith: cannot create {folder}: it is a folder");
    }

    [Fact]
    public void ANewIndexPathEndingInASlash_IsRefused_AndNoFolderIsMade()
    {
        var path = Path.Combine(_temp.Root, "new.db") + "/";

        AssertOneLine(PithImport.Run(path, Samples.Seeds[0].Path), $"pith: cannot create {path}: a name ending in '/' is a folder's, not a file's");
        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public void Export_IntoAPipeClosedUnderIt_SaysItCannotWrite_InOneLine()
    {
        var db = BigExportIndex.Build(_temp);
        var output = Fifo.Create(_temp, "export.fifo");

        using var pith = RunningPith.Start("export", "--db", db, "--out", output);
        Fifo.Open(output, FileAccess.Read).Dispose();
        var result = pith.WaitForExit();

        AssertOneLine(result, $"pith: cannot write {output}: broken pipe");
    }

    [Fact]
    public void Export_ToStandardOutputClosedUnderIt_SaysItCannotWrite_InsteadOfReportingAWholeExport()
    {
        var db = BigExportIndex.Build(_temp);
        var status = Path.Combine(_temp.Root, "status");

        // head reads one byte and leaves: every write after that meets a pipe nobody reads (EPIPE).
        var result = PithProcess.RunInShell("(\"$0\" \"$@\"; echo $? > \"$PITH_TEST_STATUS\") | head -c 1 > /dev/null",
            new Dictionary<string, string> { ["PITH_TEST_STATUS"] = status }, "export", "--db", db);

        Assert.Equal("2", File.ReadAllText(status).Trim());
        result.AssertNoStackTrace();
        Assert.Equal(["pith: cannot write standard output: broken pipe"], result.StderrLines);
    }

    [Fact]
    public void Export_ToAClosedStandardOutput_IsRefused_AndWritesNothing()
    {
        var db = BigExportIndex.Build(_temp);

        var result = PithProcess.RunInShell("exec \"$0\" \"$@\" >&-", new Dictionary<string, string>(), "export", "--db", db);

        AssertOneLine(result, "pith: standard output is closed: name a file with --out");
    }

    [Fact]
    public void Export_PastTheFileSizeLimit_SaysTheFileIsTooLarge_AndKeepsTheOldFile()
    {
        // The .NET host cannot start under a file-size limit (its runtime maps code through a file): the native pith only.
        if (PithProcess.Executable is null) return;
        var db = BigExportIndex.Build(_temp);
        var output = _temp.Write(Path.Combine("out", "export.jsonl"), "old\n");

        // 128 blocks of 512 bytes, less than the export; with SIGXFSZ ignored, the write past them fails (EFBIG).
        var result = PithProcess.RunInShell("trap '' XFSZ; ulimit -f 128; exec \"$0\" \"$@\"", new Dictionary<string, string>(),
            "export", "--db", db, "--out", output);

        AssertOneLine(result, $"pith: cannot write {output}: file too large (for the file system, or for the limit set by ulimit -f)");
        Assert.Equal("old\n", File.ReadAllText(output));
        Assert.Equal([output], Directory.GetFiles(Path.GetDirectoryName(output)!));
    }

    private static void AssertOneLine(PithResult result, string line)
    {
        result.AssertExit(2);
        result.AssertNoStackTrace();
        Assert.Equal([line], result.StderrLines);
    }
}
