using Xunit;

namespace Pith.Cli.Tests.Conventions;

/// <summary>
/// A FIFO given as <c>--keys FILE</c> that nothing writes to yet: pith says on stderr, in one line, that it waits for a
/// writer, and the first Ctrl-C (or SIGTERM) ends the wait and pith at once. A writer that comes after the notice is
/// read as before, and a pipe that already has one (<c>--keys &lt;(curl …)</c>) is read without a notice. Every test
/// waits on what pith prints or on the FIFO's other end, never on time.
/// </summary>
public sealed class FifoKeysTests : IDisposable
{
    private static readonly string Record = Samples.Seeds[0].Path;
    private static readonly string KeyFile = Path.Combine("samples", "keys", "pith-v1-2026-05.json");

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Notice(string fifo) => $"pith: waiting for a program to write to the FIFO {fifo} (--keys); Ctrl-C stops";

    [Fact]
    public void Verify_KeysFifoWithNoWriter_SaysItWaits_AndOneInterruptEndsIt_Exits130()
    {
        if (!OperatingSystem.IsLinux()) return;
        var fifo = Fifo.Create(_temp, "keys.fifo");
        using var pith = RunningPith.Start("verify", "--keys", fifo, Record);
        pith.WaitForStderr("pith: waiting for a program to write");

        pith.Interrupt();
        var result = pith.WaitForExit();

        result.AssertExit(130);
        Assert.Empty(result.Stdout);
        Assert.Equal(Notice(fifo), result.StderrLines[0]);
        Assert.Single(result.StderrLines, l => l.StartsWith("pith: waiting", StringComparison.Ordinal));
    }

    [Fact]
    public void Import_KeysFifoWithNoWriter_OneSigtermEndsTheWait_Exits143()
    {
        if (!OperatingSystem.IsLinux()) return;
        var fifo = Fifo.Create(_temp, "keys.fifo");
        using var pith = RunningPith.Start("import", "--db", Path.Combine(_temp.Root, "index.db"), "--keys", fifo, Samples.Records);
        pith.WaitForStderr("pith: waiting for a program to write");

        pith.Terminate();
        var result = pith.WaitForExit();

        result.AssertExit(143);
        Assert.Equal(Notice(fifo), result.StderrLines[0]);
    }

    [Fact]
    public void Verify_KeysFifoWrittenAfterTheNotice_VerifiesAsBefore()
    {
        if (!OperatingSystem.IsLinux()) return;
        var fifo = Fifo.Create(_temp, "keys.fifo");
        using var pith = RunningPith.Start("verify", "--keys", fifo, Record);
        pith.WaitForStderr("pith: waiting for a program to write");

        using (var writer = Fifo.Open(fifo, FileAccess.Write)) writer.Write(Samples.ReadBytes(KeyFile));
        var result = pith.WaitForExit();

        result.AssertExit(0);
        Assert.Equal([$"OK {Samples.Seeds[0].PithNumber} {Record}"], result.StdoutLines);
        Assert.Equal([Notice(fifo)], result.StderrLines);
    }

    [Fact]
    public void Verify_KeysFromAPipeThatHasAWriter_ReadsItWithoutANotice()
    {
        if (!OperatingSystem.IsLinux()) return;
        // What --keys <(cat FILE) gives pith: a pipe whose writer is already there.
        var result = PithProcess.RunInShell(
            "cat \"$PITH_TEST_KEYS\" | exec \"$0\" \"$@\"", new Dictionary<string, string> { ["PITH_TEST_KEYS"] = KeyFile },
            "verify", "--keys", "/dev/stdin", Record);

        result.AssertExit(0);
        Assert.Equal([$"OK {Samples.Seeds[0].PithNumber} {Record}"], result.StdoutLines);
        Assert.Empty(result.Stderr);
    }
}
