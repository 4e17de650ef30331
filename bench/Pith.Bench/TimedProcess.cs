using System.Diagnostics;
using System.Globalization;

namespace Pith.Bench;

/// <summary>
/// One whole process, timed from start to exit, with its peak resident memory (VmHWM, read while it runs) and what it
/// printed. With <c>withChildren</c>, the peak is the sum of each process's own peak over the process and every
/// process it starts (a worker pool): an upper bound, since forked workers share pages with their parent.
/// </summary>
public sealed record TimedProcess(TimeSpan Wall, long PeakBytes, int ExitCode, string Stdout, string Stderr)
{
    public static TimedProcess Run(string file, IEnumerable<string> args, bool withChildren = false)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new BenchFailure("could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Each process's peak by pid: a worker that exits before the parent keeps the peak it reached.
        var peaks = new Dictionary<int, long>();
        while (!process.WaitForExit(20))
        {
            foreach (var pid in withChildren ? Tree(process.Id) : [process.Id])
                peaks[pid] = Math.Max(peaks.GetValueOrDefault(pid), PeakResident(pid));
        }
        clock.Stop();
        return new TimedProcess(clock.Elapsed, peaks.Values.Sum(), process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// One short process, timed from start to exit without watching its memory (a read of /proc every few milliseconds
    /// would weigh on a process that lasts a few milliseconds).
    /// </summary>
    public static TimedProcess Brief(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new BenchFailure("could not start " + file);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        return new TimedProcess(clock.Elapsed, 0, process.ExitCode, stdout, stderr.Result);
    }

    /// <summary>The process and its descendants, from each thread's children list (Linux 3.5 and later).</summary>
    private static List<int> Tree(int root)
    {
        var found = new List<int> { root };
        for (var i = 0; i < found.Count; i++)
        {
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{found[i]}/task"))
                {
                    foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        found.Add(int.Parse(child, CultureInfo.InvariantCulture));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process or thread ended while being read.
            }
        }
        return found;
    }

    // VmHWM: the process's peak resident set so far (it only grows).
    private static long PeakResident(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended between two reads.
        }
        return 0;
    }
}
