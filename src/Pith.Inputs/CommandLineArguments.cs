using System.Text;

namespace Pith.Inputs;

/// <summary>
/// The command line as the bytes it was given. .NET decodes each argument as UTF-8, putting U+FFFD for what is not, so a
/// path named on the command line whose name is not UTF-8 could not be opened. On Linux, /proc/self/cmdline holds the
/// bytes: an argument holding U+FFFD is decoded again by <see cref="FileNames"/>. Elsewhere, or if the bytes do not match
/// the arguments .NET gave, the arguments stay as they are.
/// </summary>
public static class CommandLineArguments
{
    private const string CommandLineFile = "/proc/self/cmdline";

    public static string[] Restore(string[] args)
    {
        if (!OperatingSystem.IsLinux() || !args.Any(static a => a.Contains('\uFFFD'))) return args;
        byte[] raw;
        try
        {
            raw = File.ReadAllBytes(CommandLineFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return args;
        }
        // Each argument ends with a NUL; the program's own (the executable, or dotnet and pith.dll) come first.
        var all = new List<byte[]>();
        for (var start = 0; start < raw.Length;)
        {
            var end = Array.IndexOf(raw, (byte)0, start);
            if (end < 0) end = raw.Length;
            all.Add(raw[start..end]);
            start = end + 1;
        }
        if (all.Count < args.Length) return args;
        var restored = new string[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var bytes = all[all.Count - args.Length + i];
            if (Encoding.UTF8.GetString(bytes) != args[i]) return args;
            restored[i] = args[i].Contains('\uFFFD') ? FileNames.Decode(bytes) : args[i];
        }
        return restored;
    }
}
