using System.Text.RegularExpressions;
using Xunit;

namespace Pith.Cli.Tests.Docs;

/// <summary>
/// The documentation is held to the program: every command pith offers has its section in docs/commands.md with each
/// of its options, every relative link resolves inside the repository, and the README stays a first page.
/// </summary>
public sealed partial class DocumentationTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void The_readme_is_a_first_page_of_at_most_10_KB()
    {
        var size = new FileInfo(Path.Combine(Root, "README.md")).Length;
        Assert.True(size <= 10 * 1024, $"README.md is {size} bytes; the manual belongs in docs/");
    }

    [Fact]
    public void Every_relative_link_resolves_inside_the_repository()
    {
        var broken = new List<string>();
        foreach (var file in Documents())
        {
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(file)))
            {
                var target = link.Groups["target"].Value.Split('#')[0];
                if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target));
                if (!resolved.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !(File.Exists(resolved) || Directory.Exists(resolved)))
                    broken.Add($"{Path.GetRelativePath(Root, file)}: {target}");
            }
        }
        Assert.True(broken.Count == 0, "links that do not resolve inside the repository: " + string.Join("; ", broken));
    }

    [Fact]
    public void Every_command_and_option_pith_offers_is_in_the_manual()
    {
        var manual = File.ReadAllText(Path.Combine(Root, "docs", "commands.md"));
        var missing = new List<string>();
        var commands = Commands([]);
        Assert.Contains("verify", commands);
        foreach (var command in commands)
        {
            var path = command.Split(' ');
            // 'pith help COMMAND' shows the help of the others: its own is the top-level help.
            var subcommands = command == "help" ? [] : Commands(path);
            if (subcommands.Count > 0)
            {
                foreach (var sub in subcommands) Check([.. path, sub]);
                continue;
            }
            Check(path);
        }
        Assert.True(missing.Count == 0, "not in docs/commands.md: " + string.Join("; ", missing));

        void Check(string[] path)
        {
            var name = "pith " + string.Join(' ', path);
            if (!manual.Contains("`" + name, StringComparison.Ordinal)) missing.Add(name);
            var help = PithProcess.Run([.. path, "--help"]);
            help.AssertExit(0);
            foreach (Match option in OptionName().Matches(help.Stdout))
            {
                if (option.Value is "--help" or "--version") continue;
                if (!manual.Contains(option.Value, StringComparison.Ordinal)) missing.Add($"{name} {option.Value}");
            }
        }
    }

    /// <summary>The subcommands <c>pith PATH --help</c> lists.</summary>
    private static List<string> Commands(string[] path)
    {
        var help = PithProcess.Run([.. path, "--help"]);
        help.AssertExit(0);
        var lines = help.StdoutLines.SkipWhile(line => line != "Commands:").Skip(1).TakeWhile(line => line.Length > 0);
        return [.. lines.Select(line => line.TrimStart().Split(' ')[0])];
    }

    private static IEnumerable<string> Documents() =>
        [Path.Combine(Root, "README.md"), .. Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)];

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Pith.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("the repository root (Pith.sln) is not above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex OptionName();
}
