using System.Text;

namespace Pith.Cli.Rendering;

/// <summary>
/// A static completion script for bash, zsh or fish, written from the command tree (System.CommandLine offers only its
/// <c>[suggest]</c> directive, which would start pith at every Tab). Each script finds the command typed so far (the
/// words that name known commands, in turn), then offers its subcommands, its options (after '-'), files where the
/// command or the option before takes a file, and nothing where the option before takes another value.
/// </summary>
public static class CompletionScript
{
    public static readonly string[] Shells = ["bash", "zsh", "fish"];

    public static string For(string shell, IReadOnlyList<CompletionNode> nodes) => shell switch
    {
        "bash" => Bash(nodes),
        "zsh" => Zsh(nodes),
        "fish" => Fish(nodes),
        _ => throw new ArgumentException("no completion for " + shell, nameof(shell)),
    };

    private static readonly BourneDialect BashDialect = new(
        ["# bash completion for pith: source <(pith completion bash)"], "COMP_WORDS", 1, "COMP_CWORD", "COMPREPLY=()",
        words => $"COMPREPLY=($(compgen -W {Quote(words)} -- \"$cur\"))", "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))",
        "complete -F _pith pith");

    private static readonly BourneDialect ZshDialect = new(
        ["#compdef pith", "# zsh completion for pith: source <(pith completion zsh) after compinit"], "words", 2, "CURRENT", "",
        words => "compadd -- " + words, "_files", "compdef _pith pith");

    private static string Bash(IReadOnlyList<CompletionNode> nodes) => Bourne(nodes, BashDialect);

    private static string Zsh(IReadOnlyList<CompletionNode> nodes) => Bourne(nodes, ZshDialect);

    private static string Bourne(IReadOnlyList<CompletionNode> nodes, BourneDialect shell)
    {
        var s = new StringBuilder();
        foreach (var line in shell.Header) s.AppendLine(line);
        s.AppendLine("_pith() {");
        // Not "path": zsh ties that name to $PATH.
        s.AppendLine($"    local cur=\"${{{shell.Words}[{shell.Current}]}}\" prev=\"${{{shell.Words}[{shell.Current}-1]}}\" cmdpath=\"\" i");
        s.AppendLine($"    for ((i = {shell.First}; i < {shell.Current}; i++)); do");
        s.AppendLine($"        case \"$cmdpath:${{{shell.Words}[i]}}\" in");
        s.AppendLine($"            {string.Join('|', Steps(nodes).Select(Quote))}) cmdpath=\"${{cmdpath:+$cmdpath }}${{{shell.Words}[i]}}\" ;;");
        s.AppendLine("        esac");
        s.AppendLine("    done");
        if (shell.Reset.Length > 0) s.AppendLine("    " + shell.Reset);
        s.AppendLine("    case \"$cmdpath\" in");
        foreach (var node in nodes)
        {
            s.AppendLine($"        {Quote(node.Path)})");
            if (node.FileOptions.Count > 0) s.AppendLine($"            case \"$prev\" in {string.Join('|', node.FileOptions)}) {shell.Files}; return ;; esac");
            if (node.ValueOptions.Count > 0) s.AppendLine($"            case \"$prev\" in {string.Join('|', node.ValueOptions)}) return ;; esac");
            s.AppendLine($"            if [[ $cur == -* ]]; then {shell.Offer(string.Join(' ', node.Options))}; return; fi");
            var words = node.Subcommands.Concat(node.Values).ToList();
            if (words.Count > 0) s.AppendLine("            " + shell.Offer(string.Join(' ', words)));
            if (node.FileArguments) s.AppendLine("            " + shell.Files);
            s.AppendLine("            ;;");
        }
        s.AppendLine("    esac");
        s.AppendLine("}");
        s.AppendLine(shell.Footer);
        return s.ToString();
    }

    private static string Fish(IReadOnlyList<CompletionNode> nodes)
    {
        var s = new StringBuilder();
        s.AppendLine("# fish completion for pith: pith completion fish | source");
        s.AppendLine("complete -c pith -f");
        foreach (var node in nodes)
        {
            // The command typed so far: every word of its path seen, and none of its subcommands yet.
            var seen = node.Path.Length == 0 ? "__fish_use_subcommand" : string.Join("; and ", node.Path.Split(' ').Select(w => "__fish_seen_subcommand_from " + w));
            if (node.Subcommands.Count > 0 && node.Path.Length > 0) seen += "; and not __fish_seen_subcommand_from " + string.Join(' ', node.Subcommands);
            var when = Quote(seen);
            foreach (var word in node.Subcommands.Concat(node.Values)) s.AppendLine($"complete -c pith -n {when} -a {Quote(word)}");
            foreach (var option in node.Options)
            {
                var flag = option.StartsWith("--", StringComparison.Ordinal) ? "-l " + option[2..] : "-s " + option[1..];
                var value = node.FileOptions.Contains(option) ? " -r -F" : node.ValueOptions.Contains(option) ? " -r" : "";
                s.AppendLine($"complete -c pith -n {when} {flag}{value}");
            }
            if (node.FileArguments) s.AppendLine($"complete -c pith -n {when} -F");
        }
        return s.ToString();
    }

    // The case patterns that move the command path one word on: "":verify, keys:add...
    private static IEnumerable<string> Steps(IReadOnlyList<CompletionNode> nodes) =>
        nodes.SelectMany(node => node.Subcommands.Select(sub => node.Path + ":" + sub));

    // Single quotes: every name and path is plain ASCII, no quote among them.
    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
