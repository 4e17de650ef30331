using System.CommandLine;
using System.CommandLine.Parsing;
using Pith.Cli.Rendering;

namespace Pith.Cli.Commands;

/// <summary><c>pith completion bash|zsh|fish</c>: a completion script for the shell, written from the command tree.</summary>
public static class CompletionCommand
{
    public static Command Create()
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or fish." };
        // One line (System.CommandLine's own list of accepted values spans several).
        shell.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!CompletionScript.Shells.Contains(value)) result.AddError($"'{value}' is not a shell pith completes: bash, zsh or fish");
        });
        var command = new Command("completion",
            "Print a completion script for the shell: commands, subcommands, options, and files where a command takes them. " +
            "bash: source <(pith completion bash); zsh: source <(pith completion zsh) after compinit; fish: pith completion fish | source.")
        {
            shell,
        };
        command.SetAction(parse => Run(parse.GetValue(shell)!));
        return command;
    }

    private static int Run(string shell)
    {
        var root = new RootCommand(TopLevelHelp.Description);
        foreach (var command in Commands.For([])) root.Subcommands.Add(command);
        IReadOnlyList<string> Values(Argument argument) => argument.Name == "SHELL" ? CompletionScript.Shells : [];
        var nodes = CompletionNode.Walk(root, "", Values).ToList();
        // "pith help COMMAND" is rewritten before parsing, so it is no command of the tree: completed as one taking a command name.
        const string help = "help";
        nodes[0] = nodes[0] with { Subcommands = [.. nodes[0].Subcommands, help] };
        nodes.Add(new CompletionNode(help, [], [], [], [], false, [.. root.Subcommands.Select(c => c.Name)]));
        using var stdout = Cli.OpenStdout();
        stdout.Write(CompletionScript.For(shell, nodes));
        return ExitCode.Ok;
    }
}
