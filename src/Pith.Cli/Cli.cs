using System.Text;

namespace Pith.Cli;

/// <summary>Shared console plumbing: stdout for results, stderr for one-line errors.</summary>
public static class Cli
{
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
}
