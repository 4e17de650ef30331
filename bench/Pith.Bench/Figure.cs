namespace Pith.Bench;

/// <summary>
/// One measured rate: <see cref="Operations"/> done by <see cref="Threads"/> threads in <see cref="Elapsed"/> wall time.
/// Per-thread figures make a multi-threaded run comparable with a single-threaded one. <see cref="CpuTime"/> is the
/// process's CPU time over the run: well under <see cref="Threads"/> cores busy means other processes took the CPU.
/// <see cref="MachineBusyTime"/> is the whole machine's (Linux only), so the difference is what other processes took.
/// <see cref="AllocatedBytes"/> (the whole process's, over the run) does not depend on the machine's load;
/// <see cref="GcPause"/> is how long the collector stopped the threads to reclaim it.
/// </summary>
public sealed record Figure(
    string Key, string Label, int Threads, long Operations, TimeSpan Elapsed, TimeSpan CpuTime, TimeSpan? MachineBusyTime,
    long AllocatedBytes, TimeSpan GcPause, TimeSpan WarmUp)
{
    public double GcPauseShare => GcPause / Elapsed;

    /// <summary>Cores' worth of CPU other processes used during the run, when known.</summary>
    public double? OtherCoresBusy => MachineBusyTime is { } busy ? Math.Max(0, (busy - CpuTime) / Elapsed) : null;

    /// <summary>The process's CPU time over wall time: about <see cref="Threads"/> when the run had its cores to itself.</summary>
    public double CoresBusy => CpuTime / Elapsed;

    public double BytesAllocatedPerOperation => (double)AllocatedBytes / Operations;

    public double PerSecond => Operations / Elapsed.TotalSeconds;

    public double PerSecondPerThread => PerSecond / Threads;

    /// <summary>Time one thread spends on one operation (wall time times threads, over operations).</summary>
    public double MicrosecondsPerOperation => Elapsed.TotalMicroseconds * Threads / Operations;
}
