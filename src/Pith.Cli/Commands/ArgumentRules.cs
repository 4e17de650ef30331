using System.CommandLine;
using System.CommandLine.Parsing;

namespace Pith.Cli.Commands;

/// <summary>Argument validation shared by commands.</summary>
public static class ArgumentRules
{
    /// <summary>The PATH... argument of the commands that read inputs: one or more, mistyped options refused.</summary>
    public static Argument<string[]> Paths(string description)
    {
        var paths = new Argument<string[]>("PATH") { Description = description, Arity = ArgumentArity.OneOrMore };
        paths.RejectUnknownOptions();
        return paths;
    }

    /// <summary>The <c>--jobs N</c> option of the commands that verify in parallel: at least 1, default all cores.</summary>
    public static Option<int?> Jobs(string description)
    {
        var jobs = new Option<int?>("--jobs", "-j") { Description = description + " (default: all cores).", HelpName = "N" };
        jobs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1) result.AddError("--jobs must be at least 1");
        });
        return jobs;
    }

    /// <summary>
    /// A token like <c>--bogus</c> is a mistyped option, not a path: reject it (a file really named so can be
    /// given as <c>./--bogus</c>). A lone <c>-</c> is standard input.
    /// </summary>
    public static void RejectUnknownOptions(this Argument<string[]> argument) =>
        argument.Validators.Add(result =>
        {
            RejectOptionTokens(result, token => $" (a path starting with '-' can be written ./{token})");
            // Standard input can be read once.
            if (result.Tokens.Count(t => t.Value == "-") > 1) result.AddError("'-' (standard input) is given more than once");
        });

    /// <summary>The ALIAS argument(s) of resolve and show: no alias form starts with '-', so such a token is a mistyped option.</summary>
    public static Argument<T> Alias<T>(string description)
    {
        var alias = new Argument<T>("ALIAS") { Description = description };
        alias.Validators.Add(result => RejectOptionTokens(result, _ => ""));
        return alias;
    }

    /// <summary>Refuses each token longer than "-" that starts with '-' as an unknown option; <paramref name="hint"/> adds the command's advice for that token.</summary>
    public static void RejectOptionTokens(ArgumentResult result, Func<string, string> hint)
    {
        foreach (var token in result.Tokens)
        {
            if (token.Value.Length > 1 && token.Value[0] == '-') result.AddError($"unknown option '{token.Value}'{hint(token.Value)}");
        }
    }
}
