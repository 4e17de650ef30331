using Pith.Inputs;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Pith.Cli;
using Pith.Cli.Commands;
using Pith.Cli.Rendering;
using Pith.Core.Crypto;
using Pith.Index;

// First, so that a Ctrl-C at any moment of a command is a clean stop (see Interruption).
using var interruption = new Interruption();

// A path named on the command line keeps its true bytes when its name is not UTF-8.
args = CommandLineArguments.Restore(args);

// "pith help CMD" is "pith CMD --help"; "pith help" the top-level help.
if (args.Length > 0 && args[0] == "help") args = [.. args[1..], "--help"];
ArgumentRules.LiteralArguments = ArgumentRules.AfterEndOfOptions(args);

var root = new RootCommand(TopLevelHelp.Description);
foreach (var command in Commands.For(args)) root.Subcommands.Add(command);

// Before parsing: System.CommandLine would show the top-level help for "pith nonsense --help", and exit 0.
if (args.Length > 0 && !args[0].StartsWith('-') && !Commands.Summaries.Any(c => c.Name == args[0]))
{
    var near = CommandSuggestion.Nearest(args[0], Commands.Summaries.Select(c => c.Name).Append("help"));
    Cli.Complain($"unknown command '{args[0]}'" + (near is null ? "" : $"; did you mean '{near}'?"));
    if (near is null) Console.Error.WriteLine("Try 'pith --help'.");
    return ExitCode.Usage;
}

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // System.CommandLine would exit 1 here, which means "invalid record" to us: usage errors are 2.
    // Its messages quote the offending argument, which may hold escape sequences: sanitise like any untrusted text.
    var command = parse.CommandResult;
    foreach (var error in parse.Errors) Cli.Complain(ArgumentRules.InOurWords(error, parse.UnmatchedTokens));
    Console.Error.WriteLine($"Try '{CommandLine(command)} --help'.");
    return ExitCode.Usage;
}
if (parse.Action is HelpAction && parse.CommandResult.Command == root)
{
    TopLevelHelp.Write(Console.Out);
    return ExitCode.Ok;
}

try
{
    // pith's own signal handling (Interruption) rather than System.CommandLine's: no forced exit after a timeout.
    var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
    var status = parse.InvokeAsync(configuration, interruption.Token).GetAwaiter().GetResult();
    // A command too quick to watch for the signal (resolve, show, stats...) still ends as interrupted; every command
    // ends with the status of the signal that stopped it (a command's own ExitCode.Interrupted stands for either).
    return interruption.Token.IsCancellationRequested ? interruption.ExitStatus : status;
}
catch (CryptoUnavailableException e)
{
    return Cli.Error(e.Message);
}
catch (IndexUnavailableException e)
{
    return Cli.Error(e.Message);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException || IoMessages.IsFileTooLarge(e))
{
    return Cli.Error(IoMessages.Reason(e));
}
catch (Exception e)
{
    // The message may quote a path or record text: sanitised like any other line for the terminal.
    Cli.Complain($"internal error ({e.GetType().Name}): {e.Message}. This is a bug; please report it.");
    return ExitCode.Internal;
}

// "pith verify", "pith keys add": the command line that names a command, for its help.
static string CommandLine(CommandResult command)
{
    var names = new List<string>();
    for (var result = command; result.Parent is CommandResult parent; result = parent) names.Insert(0, result.Command.Name);
    return string.Join(' ', names.Prepend("pith"));
}
