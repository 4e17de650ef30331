using System.Diagnostics;

namespace Pith.Cli.Tests.Conventions;

/// <summary>
/// A named pipe: opening one end blocks until pith opens the other, which tells a test, without any timing, that pith
/// is running its command (and so handles signals) and where it waits.
/// </summary>
public static class Fifo
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    public static string Create(TempFolder temp, string name)
    {
        var path = Path.Combine(temp.Root, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0) throw new InvalidOperationException("mkfifo failed");
        return path;
    }

    /// <summary>Opens <paramref name="path"/> once pith has opened its other end (a guard fails the test if it never does).</summary>
    public static FileStream Open(string path, FileAccess access)
    {
        var open = Task.Run(() => new FileStream(path, FileMode.Open, access, FileShare.ReadWrite, bufferSize: 1));
        if (!open.Wait(Guard)) throw new TimeoutException($"pith never opened {path}");
        return open.Result;
    }
}
