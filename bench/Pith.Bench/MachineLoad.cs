namespace Pith.Bench;

/// <summary>
/// CPU time the whole machine spent busy, from Linux's /proc/stat (null elsewhere). Less this process's own CPU
/// time, it is what other processes took during a run: on a shared machine, the reason a figure does not repeat.
/// </summary>
public static class MachineLoad
{
    // /proc/stat counts in USER_HZ ticks, 100 per second on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    // cpu user nice system idle iowait irq softirq steal ...: busy is all but idle and iowait.
    private static readonly int[] BusyFields = [1, 2, 3, 6, 7, 8];

    public static TimeSpan? BusyTime()
    {
        try
        {
            if (!File.Exists("/proc/stat")) return null;
            using var reader = new StreamReader("/proc/stat");
            var fields = reader.ReadLine()?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields is null || fields.Length < 9 || fields[0] != "cpu") return null;
            var busy = BusyFields.Sum(i => long.Parse(fields[i], System.Globalization.CultureInfo.InvariantCulture));
            return TimeSpan.FromSeconds(busy / TicksPerSecond);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }
}
