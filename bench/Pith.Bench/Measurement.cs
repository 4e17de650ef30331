using System.Diagnostics;
using System.Runtime;

namespace Pith.Bench;

/// <summary>
/// Times operations over a corpus of <c>passLength</c> items: warm-up first, then for at least the minimum time and
/// at least one full pass, so every item is exercised.
/// </summary>
public static class Measurement
{
    /// <summary>Warm-up lasts at least this long...</summary>
    public static readonly TimeSpan MinimumWarmUp = TimeSpan.FromSeconds(1);

    /// <summary>...and until the JIT has compiled nothing for this long (but never past <see cref="MaximumWarmUp"/>).</summary>
    public static readonly TimeSpan JitQuiet = TimeSpan.FromSeconds(0.5);

    public static readonly TimeSpan MaximumWarmUp = TimeSpan.FromSeconds(10);

    /// <summary>How long each turn of <see cref="Interleaved"/> lasts: long enough that reading the counters costs nothing.</summary>
    public static readonly TimeSpan Block = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Several one-thread measurements at once, taking turns in <see cref="Block"/>-long blocks until each has had the
    /// minimum time and a full pass: on a machine whose speed drifts (a shared host), all of them see the same drift,
    /// so a whole and its parts stay comparable. Returns the figures in the order given.
    /// </summary>
    public static Figure[] Interleaved(TimeSpan minimum, params (string Key, string Label, int PassLength, Action<int> Operation)[] runs)
    {
        var warmUps = runs.Select(r => WarmUp(r.Operation, r.PassLength, 0, 1)).ToArray();
        var tallies = runs.Select(_ => new Tally()).ToArray();
        while (tallies.Select((t, i) => t.Done < runs[i].PassLength || t.Elapsed < minimum).Any(more => more))
        {
            for (var i = 0; i < runs.Length; i++)
            {
                var (_, _, passLength, operation) = runs[i];
                var tally = tallies[i];
                var start = Counters.Now();
                do
                {
                    operation((int)(tally.Done % passLength));
                    tally.Done++;
                }
                while (Stopwatch.GetElapsedTime(start.Timestamp) < Block);
                tally.Add(start, Counters.Now());
            }
        }
        return [.. runs.Select((r, i) => tallies[i].ToFigure(r.Key, r.Label, warmUps[i]))];
    }

    /// <summary>
    /// <paramref name="threads"/> dedicated threads, thread t taking items t, t + threads, ...; all warm up together,
    /// start together at a barrier, and each stops once past the minimum time and through its share of a pass.
    /// </summary>
    public static Figure Parallel(string key, string label, int threads, int passLength, TimeSpan minimum, Action<int> operation)
    {
        var start = default(Counters);
        var warmUps = new TimeSpan[threads];
        var ends = new long[threads];
        var done = new long[threads];
        Exception? failure = null;
        using var barrier = new Barrier(threads, _ => start = Counters.Now());
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            var atBarrier = true;
            try
            {
                var share = (passLength - t + threads - 1) / threads;
                warmUps[t] = WarmUp(operation, passLength, t % passLength, threads, () => Volatile.Read(ref failure) is not null);
                barrier.SignalAndWait();
                atBarrier = false;
                long n = 0;
                while (Volatile.Read(ref failure) is null && (n < share || Stopwatch.GetElapsedTime(start.Timestamp) < minimum))
                {
                    operation((int)((t + n * threads) % passLength));
                    n++;
                }
                ends[t] = Stopwatch.GetTimestamp();
                done[t] = n;
            }
            catch (Exception e)
            {
                // The first failure stops every worker; a worker still warming up must not be waited for at the barrier.
                Interlocked.CompareExchange(ref failure, e, null);
                if (atBarrier) barrier.RemoveParticipant();
            }
        })
        { IsBackground = true, Name = $"bench-{t}" }).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        if (failure is not null) throw failure as BenchFailure ?? new BenchFailure($"a worker failed: {failure}");
        // The run ends when its last worker does.
        return (Counters.Now() with { Timestamp = ends.Max() }).Since(start, key, label, threads, done.Sum(), warmUps.Max());
    }

    /// <summary>
    /// Runs items first, first + step, ... (round the pass) until warm. Tiered compilation recompiles hot methods
    /// (tier 0, instrumented, tier 1) on a background thread for a while after their first calls: timing before it
    /// settles measures unoptimised code and the compiler. Returns how long it took.
    /// </summary>
    private static TimeSpan WarmUp(Action<int> operation, int passLength, int first, int step, Func<bool>? stop = null)
    {
        var start = Stopwatch.GetTimestamp();
        var quietSince = start;
        var compiled = JitInfo.GetCompiledMethodCount();
        for (var i = first; stop?.Invoke() != true; i = (i + step) % passLength)
        {
            operation(i);
            var now = Stopwatch.GetTimestamp();
            var count = JitInfo.GetCompiledMethodCount();
            if (count != compiled)
            {
                compiled = count;
                quietSince = now;
            }
            var elapsed = Stopwatch.GetElapsedTime(start, now);
            if ((elapsed >= MinimumWarmUp && Stopwatch.GetElapsedTime(quietSince, now) >= JitQuiet) || elapsed >= MaximumWarmUp) break;
        }
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>The sums of an interleaved measurement's blocks.</summary>
    private sealed class Tally
    {
        private TimeSpan _cpu;
        private TimeSpan? _machineBusy = TimeSpan.Zero;
        private long _allocated;
        private TimeSpan _gcPause;

        public long Done { get; set; }

        public TimeSpan Elapsed { get; private set; }

        public void Add(Counters start, Counters end)
        {
            Elapsed += Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp);
            _cpu += end.Cpu - start.Cpu;
            _machineBusy += end.MachineBusy - start.MachineBusy;
            _allocated += end.Allocated - start.Allocated;
            _gcPause += end.GcPause - start.GcPause;
        }

        public Figure ToFigure(string key, string label, TimeSpan warmUp) =>
            new(key, label, 1, Done, Elapsed, _cpu, _machineBusy, _allocated, _gcPause, warmUp);
    }

    /// <summary>The process's (and machine's) counters at one instant: two of them bracket a run.</summary>
    private readonly record struct Counters(long Timestamp, TimeSpan Cpu, TimeSpan? MachineBusy, long Allocated, TimeSpan GcPause)
    {
        public static Counters Now() => new(Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime, MachineLoad.BusyTime(),
            GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());

        public Figure Since(Counters start, string key, string label, int threads, long operations, TimeSpan warmUp) =>
            new(key, label, threads, operations, Stopwatch.GetElapsedTime(start.Timestamp, Timestamp), Cpu - start.Cpu,
                MachineBusy - start.MachineBusy, Allocated - start.Allocated, GcPause - start.GcPause, warmUp);
    }
}
