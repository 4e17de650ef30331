using System.CommandLine;
using Pith.Cli;
using Pith.Cli.Commands;
using Pith.Core.Crypto;
using Pith.Index;

var root = new RootCommand("pith: verify, index and resolve Pith numbers offline.");
foreach (var command in Commands.For(args)) root.Subcommands.Add(command);

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // System.CommandLine would exit 1 here, which means "invalid record" to us: usage errors are 2.
    // Its messages quote the offending argument, which may hold escape sequences: sanitise like any untrusted text.
    foreach (var error in parse.Errors) Cli.Complain(error.Message);
    Console.Error.WriteLine("Try 'pith --help'.");
    return ExitCode.Usage;
}

try
{
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (CryptoUnavailableException e)
{
    return Cli.Error(e.Message);
}
catch (IndexUnavailableException e)
{
    return Cli.Error(e.Message);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    return Cli.Error(e.Message);
}
catch (Exception e)
{
    // The message may quote a path or record text: sanitised like any other line for the terminal.
    Cli.Complain($"internal error ({e.GetType().Name}): {e.Message}. This is a bug; please report it.");
    return ExitCode.Internal;
}
