using System.Text;

namespace Pith.Cli;

/// <summary>Shared console plumbing: stdout for results, stderr for one-line errors.</summary>
public static class Cli
{
    /// <summary>
    /// Standard output as a stream whose writes fail (IOException) when nothing reads it any more: for output that must
    /// be whole (an export), where .NET's console stream drops what a closed pipe refuses (EPIPE) and carries on. Only
    /// for a standard output that is open (<see cref="Inputs.StandardStreams.IsClosed"/>).
    /// </summary>
    public static Stream OpenStdoutReportingBrokenPipe() =>
        OperatingSystem.IsWindows()
            ? Console.OpenStandardOutput()
            : new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);

    public static StreamWriter OpenStdout() =>
        new(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false, NewLine = "\n" };

    /// <summary>Prints a one-line error to stderr and returns the usage exit status.</summary>
    public static int Error(string message)
    {
        Complain(message);
        return ExitCode.Usage;
    }

    /// <summary>Prints a one-line diagnostic to stderr, sanitised for the terminal.</summary>
    public static void Complain(string message) => Console.Error.WriteLine("pith: " + Rendering.TerminalText.Sanitize(message));

    /// <summary>
    /// A command's report on stderr (its summary, a skipped input, a hint), in the one form every command uses:
    /// <c>pith COMMAND: TEXT</c>, sanitised for the terminal (paths and reasons in it come from input).
    /// </summary>
    public static void Report(string command, string text) => Console.Error.WriteLine(Rendering.TerminalText.Sanitize($"pith {command}: {text}"));

    /// <summary>A symbolic link in a folder that is not read: no document, so no verdict, but not silently gone either.</summary>
    public static void SkippedLink(string command, string link, string reason) => Report(command, $"skipped the symbolic link {link}: {reason}");
}
