using System.CommandLine;

namespace Pith.Cli.Rendering;

/// <summary>
/// One command as shell completion sees it: its path ("keys add"), its subcommands, its options (those that take a file,
/// and those that take another value), whether its arguments are files, and any fixed argument values.
/// </summary>
public sealed record CompletionNode(
    string Path, IReadOnlyList<string> Subcommands, IReadOnlyList<string> Options, IReadOnlyList<string> FileOptions,
    IReadOnlyList<string> ValueOptions, bool FileArguments, IReadOnlyList<string> Values)
{
    // The argument and option value names that stand for files.
    private static readonly string[] FileNames = ["PATH", "FILE"];

    /// <summary><paramref name="command"/> and everything under it, depth first; <paramref name="path"/> is its place ("" for the root).</summary>
    public static IEnumerable<CompletionNode> Walk(Command command, string path, Func<Argument, IReadOnlyList<string>> values)
    {
        var options = command.Options.Where(o => !o.Hidden).ToList();
        // Unix spellings only (System.CommandLine's help option also answers to "-?", "/h" and "/?").
        var names = options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith('-') && n != "-?").Distinct().ToList();
        // A flag (bool) may take "true" or "false" but is given alone.
        var takesValue = options.Where(o => o.Arity.MaximumNumberOfValues > 0 && o.ValueType != typeof(bool)).ToList();
        var fileOptions = takesValue.Where(o => FileNames.Contains(o.HelpName)).SelectMany(o => o.Aliases.Prepend(o.Name)).ToList();
        var valueOptions = takesValue.Where(o => !FileNames.Contains(o.HelpName)).SelectMany(o => o.Aliases.Prepend(o.Name)).ToList();
        var subcommands = command.Subcommands.Where(c => !c.Hidden).ToList();
        yield return new CompletionNode(
            path, [.. subcommands.Select(c => c.Name)], names, fileOptions, valueOptions,
            command.Arguments.Any(a => FileNames.Contains(a.Name)), [.. command.Arguments.SelectMany(values)]);
        foreach (var sub in subcommands)
        {
            foreach (var node in Walk(sub, path.Length == 0 ? sub.Name : path + " " + sub.Name, values)) yield return node;
        }
    }
}
