using System.Text;
using System.Text.Json;
using Pith.Cli.Tests.Import;
using Pith.Testing;
using Xunit;

namespace Pith.Cli.Tests.Conventions;

/// <summary>
/// SIGINT (Ctrl-C) stops every command with exit status 130 (SIGTERM with 143), after a summary of what it did: never a cut line, never
/// "all sound". Each test interrupts pith where it provably waits (reading standard input, or opening a named pipe the
/// test holds), and lets it go on only once pith has said it heard the signal.
/// </summary>
public sealed class InterruptTests : IClassFixture<IndexedCorpus>, IDisposable
{
    private const string Heard = "pith: interrupted";

    private readonly IndexedCorpus _corpus;
    private readonly TempFolder _temp = new();

    public InterruptTests(IndexedCorpus corpus) => _corpus = corpus;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Verify_InterruptedWhileReadingStandardInput_PrintsWholeLinesAndItsSummary_Exits130()
    {
        var line = JsonLine(Samples.Seeds[0].Path);
        using var pith = RunningPith.Start("verify", "-");
        pith.Stdin.Write([.. line, .. line]);
        pith.Stdin.Flush();
        // Both verdicts printed while pith waits for more input: it is inside the command.
        pith.WaitForStdoutLines(2);

        pith.Interrupt();
        var result = pith.WaitForExit();

        result.AssertExit(130);
        Assert.Equal([$"OK {Samples.Seeds[0].PithNumber} -:1", $"OK {Samples.Seeds[0].PithNumber} -:2"], result.StdoutLines);
        Assert.Equal("pith verify: interrupted after 2 inputs: 2 valid, 0 invalid, 0 unreadable", result.StderrLines[^1]);
    }

    [Fact]
    public void Verify_TerminatedWhileReadingStandardInput_PrintsItsSummary_Exits143()
    {
        var line = JsonLine(Samples.Seeds[0].Path);
        using var pith = RunningPith.Start("verify", "-");
        pith.Stdin.Write(line);
        pith.Stdin.Flush();
        pith.WaitForStdoutLines(1);

        pith.Terminate();
        var result = pith.WaitForExit();

        result.AssertExit(143);
        Assert.Equal([$"OK {Samples.Seeds[0].PithNumber} -:1"], result.StdoutLines);
        Assert.Equal("pith verify: interrupted after 1 inputs: 1 valid, 0 invalid, 0 unreadable", result.StderrLines[^1]);
    }

    [Fact]
    public void Import_Terminated_Exits143_AfterItsSummary_AndStatsMarksTheRunInterrupted()
    {
        var db = Path.Combine(_temp.Root, "index.db");
        var keys = Fifo.Create(_temp, "keys.fifo");
        using var pith = RunningPith.Start(PithImport.Args(db, ["--keys", keys, Samples.Records]));
        InterruptWhileReading(pith, keys, Encoding.UTF8.GetBytes(TestKey.Default.ToKeyFileJson()), terminate: true);

        var result = pith.WaitForExit();

        result.AssertExit(143);
        Assert.StartsWith("pith import: interrupted: imported 0,", result.StderrLines[^2], StringComparison.Ordinal);
        var stats = PithProcess.Run("stats", "--db", db);
        stats.AssertExit(0);
        Assert.Contains(stats.StdoutLines, l => l.TrimStart().StartsWith("run 1 ", StringComparison.Ordinal) && l.Contains(" (interrupted):", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_Interrupted_Exits130_AndStatsMarksTheRunInterrupted()
    {
        var db = Path.Combine(_temp.Root, "index.db");
        var keys = Fifo.Create(_temp, "keys.fifo");
        using var pith = RunningPith.Start(PithImport.Args(db, ["--keys", keys, Samples.Records]));
        InterruptWhileReading(pith, keys, Encoding.UTF8.GetBytes(TestKey.Default.ToKeyFileJson()));

        var result = pith.WaitForExit();

        result.AssertExit(130);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("pith import: interrupted: imported 0,", result.StderrLines[^2], StringComparison.Ordinal);
        var stats = PithProcess.Run("stats", "--db", db);
        stats.AssertExit(0);
        Assert.Contains(stats.StdoutLines, l => l.TrimStart().StartsWith("run 1 ", StringComparison.Ordinal) && l.Contains(" (interrupted):", StringComparison.Ordinal));
        // A run that read all its inputs is not marked.
        PithImport.Run(db, Samples.Records).AssertExit(0);
        var json = PithProcess.Run("stats", "--db", db, "--json");
        json.AssertExit(0);
        using var parsed = JsonDocument.Parse(json.Stdout);
        var runs = parsed.RootElement.GetProperty("last_runs").EnumerateArray().ToDictionary(r => r.GetProperty("run_id").GetInt64(), r => r.GetProperty("interrupted").GetBoolean());
        Assert.Equal(new Dictionary<long, bool> { [1] = true, [2] = false }, runs);
    }

    [Fact]
    public void Import_InterruptedWhileStandardInputSendsNothing_StopsWithoutIt_Exits130()
    {
        var db = Path.Combine(_temp.Root, "index.db");
        var keys = Fifo.Create(_temp, "keys.fifo");
        using var pith = RunningPith.Start(PithImport.Args(db, ["--keys", keys, "-"]));
        InterruptWhileReading(pith, keys, Encoding.UTF8.GetBytes(TestKey.Default.ToKeyFileJson()));

        // Standard input stays open, and sends nothing: the import must stop without it.
        var result = pith.WaitForExit();

        result.AssertExit(130);
        Assert.StartsWith("pith import: interrupted: imported 0,", result.StderrLines[^2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 130)]
    [InlineData(true, 143)]
    public void Resolve_StoppedWhileStandardInputSendsNothingMore_AnswersWhatCameAndStopsWithoutIt(bool terminate, int status)
    {
        using var pith = RunningPith.Start("resolve", "--db", _corpus.Db, "-");
        pith.Stdin.Write(Encoding.UTF8.GetBytes(Samples.Seeds[0].PithNumber + "\n"));
        pith.Stdin.Flush();
        // Answered while pith waits for the next line, which never comes: standard input stays open.
        pith.WaitForStdoutLines(1);

        if (terminate) pith.Terminate();
        else pith.Interrupt();
        var result = pith.WaitForExit();

        result.AssertExit(status);
        Assert.Equal([Samples.Seeds[0].PithNumber], result.StdoutLines);
        result.AssertNoStackTrace();
    }

    [Fact]
    public void Audit_Interrupted_SaysSoAndWhatItChecked_NeverAllSound_Exits130()
    {
        var keys = Fifo.Create(_temp, "keys.fifo");
        using var pith = RunningPith.Start("audit", "--db", _corpus.Db, "--keys", keys);
        InterruptWhileReading(pith, keys, File.ReadAllBytes(_corpus.KeyFile));

        var result = pith.WaitForExit();

        result.AssertExit(130);
        Assert.DoesNotContain("all sound", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("pith audit: interrupted after ", result.StderrLines[^1], StringComparison.Ordinal);
        Assert.Contains("audited 0 records, 0 older copies, 0 variants and 0 bundles and state files (not all that is stored)", result.StderrLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Interrupted_Exits130()
    {
        // Its output fills the pipe, which is read only once pith has heard the signal: it is interrupted mid-way.
        var db = BigExportIndex.Build(_temp);
        var output = Fifo.Create(_temp, "export.fifo");
        using var pith = RunningPith.Start("export", "--db", db, "--out", output);
        using (var reader = Fifo.Open(output, FileAccess.Read))
        {
            pith.Interrupt();
            pith.WaitForStderr(Heard);
            reader.CopyTo(Stream.Null);
        }

        var result = pith.WaitForExit();

        result.AssertExit(130);
        // Written into as it went: not "was not written".
        Assert.Equal($"pith export: interrupted; {output} got only part of the export", result.StderrLines[^1]);
    }

    [Fact]
    public void AQuickCommand_InterruptedAsItRuns_StillExits130()
    {
        var keys = Fifo.Create(_temp, "keys.fifo");
        var environment = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = Path.Combine(_temp.Root, "config") };
        using var pith = RunningPith.Start(["keys", "add", keys], environment);
        InterruptWhileReading(pith, keys, Encoding.UTF8.GetBytes(TestKey.Default.ToKeyFileJson()));

        var result = pith.WaitForExit();

        // keys add does not watch for the signal: it adds the key, and its status says it was interrupted.
        result.AssertExit(130);
        Assert.Equal([$"added {TestKey.Default.KeyId}  {TestKey.Default.Trusted.Fingerprint}"], result.StdoutLines);
    }

    /// <summary>
    /// Interrupts pith while it opens <paramref name="fifo"/> (a --keys file), then, once it has said it heard, gives it
    /// <paramref name="keys"/> so that it goes on, interrupted (by SIGTERM when <paramref name="terminate"/>).
    /// </summary>
    private static void InterruptWhileReading(RunningPith pith, string fifo, byte[] keys, bool terminate = false)
    {
        using var writer = Fifo.Open(fifo, FileAccess.Write);
        if (terminate) pith.Terminate();
        else pith.Interrupt();
        pith.WaitForStderr(Heard);
        writer.Write(keys);
    }

    private static byte[] JsonLine(string relativePath)
    {
        using var document = JsonDocument.Parse(Samples.ReadBytes(relativePath));
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(document.RootElement) + "\n");
    }
}
