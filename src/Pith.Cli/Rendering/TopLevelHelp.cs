using Pith.Cli.Commands;

namespace Pith.Cli.Rendering;

/// <summary>
/// <c>pith --help</c>: one line per command, so that it fits a 24-line, 80-column terminal (System.CommandLine's
/// listing prints each command's whole description); each command's own help has the details.
/// </summary>
public static class TopLevelHelp
{
    public const string Description = "pith: verify, index and resolve Pith numbers offline.";

    public static void Write(TextWriter output)
    {
        output.WriteLine(Description);
        output.WriteLine();
        output.WriteLine("Usage: pith COMMAND [options] [--] [ARGUMENTS]");
        output.WriteLine();
        output.WriteLine("Commands:");
        foreach (var (name, summary) in Commands.Commands.Summaries)
            output.WriteLine($"  {name,-11} {summary}");
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  -h, --help  Show this help; pith help COMMAND shows a command's");
        output.WriteLine("  --version   Show the version");
        output.WriteLine();
        output.WriteLine(ExitCode.HelpText);
    }
}
