using System.Diagnostics;

namespace Pith.Cli.Tests.Conventions;

/// <summary>
/// A pith process the test talks to while it runs: standard input stays open until closed, both outputs are read line
/// by line as they come, and the test can wait for a line or send the process SIGINT or SIGTERM.
/// </summary>
public sealed class RunningPith : IDisposable
{
    // Only a guard against a hung pith failing the run forever: every wait ends on what pith prints, not on time.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private readonly Task _readers;
    private int _ended;

    private RunningPith(Process process)
    {
        _process = process;
        _readers = Task.WhenAll(Task.Run(() => Pump(process.StandardOutput, _stdout)), Task.Run(() => Pump(process.StandardError, _stderr)));
    }

    public static RunningPith Start(params string[] args) => Start(args, environment: null);

    public static RunningPith Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment)
    {
        var start = PithProcess.StartInfo(args, environment: environment);
        return new RunningPith(Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName));
    }

    public Stream Stdin => _process.StandardInput.BaseStream;

    /// <summary>Waits until <paramref name="count"/> lines have come on standard output.</summary>
    public void WaitForStdoutLines(int count) => WaitFor(_stdout, lines => lines.Count >= count, $"{count} lines on stdout");

    /// <summary>Waits until a line on standard error contains <paramref name="text"/>.</summary>
    public void WaitForStderr(string text) => WaitFor(_stderr, lines => lines.Any(l => l.Contains(text, StringComparison.Ordinal)), $"'{text}' on stderr");

    /// <summary>Sends SIGINT, as Ctrl-C in a terminal does.</summary>
    public void Interrupt() => Signal("INT");

    /// <summary>Sends SIGTERM, as a service manager stopping pith does.</summary>
    public void Terminate() => Signal("TERM");

    private void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{name} failed");
    }

    /// <summary>Waits for a line on standard error that contains <paramref name="text"/>, and returns it.</summary>
    public string StderrLineWith(string text)
    {
        WaitForStderr(text);
        lock (_stderr) return _stderr.First(l => l.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>Kills the process (SIGKILL), as a crash or the OOM killer would, and waits for it to be gone.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>Waits for the process to end (standard input left as it is) and returns what it printed.</summary>
    public PithResult WaitForExit()
    {
        if (!_process.WaitForExit(Guard))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pith did not end: {Snapshot()}");
        }
        _process.WaitForExit();
        _readers.GetAwaiter().GetResult();
        lock (_stdout) lock (_stderr) return new PithResult(_process.ExitCode, Text(_stdout), Text(_stderr));
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    private static string Text(List<string> lines) => lines.Count == 0 ? "" : string.Join('\n', lines) + "\n";

    private string Snapshot()
    {
        lock (_stdout) lock (_stderr) return $"--- stdout\n{Text(_stdout)}--- stderr\n{Text(_stderr)}";
    }

    private void Pump(StreamReader reader, List<string> lines)
    {
        while (reader.ReadLine() is { } line)
        {
            lock (lines)
            {
                lines.Add(line);
                Monitor.PulseAll(lines);
            }
        }
        // The end of the output: a waiter learns there is no more to come.
        lock (lines)
        {
            Interlocked.Increment(ref _ended);
            Monitor.PulseAll(lines);
        }
    }

    private void WaitFor(List<string> lines, Func<List<string>, bool> done, string what)
    {
        lock (lines)
        {
            while (!done(lines))
            {
                if (Volatile.Read(ref _ended) == 2) throw new InvalidOperationException($"pith ended before {what}: exit {_process.ExitCode} {Snapshot()}");
                if (!Monitor.Wait(lines, Guard)) throw new TimeoutException($"no {what}: {Snapshot()}");
            }
        }
    }
}
