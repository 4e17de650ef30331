using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Pith.Cli.Commands;

/// <summary>Argument validation shared by commands.</summary>
public static class ArgumentRules
{
    /// <summary>The PATH... argument of the commands that read inputs: one or more, mistyped options refused.</summary>
    public static Argument<string[]> Paths(string description)
    {
        var paths = new Argument<string[]>("PATH") { Description = description, Arity = ArgumentArity.OneOrMore };
        paths.RejectUnknownOptions();
        paths.Validators.Add(RejectEmptyNames);
        return paths;
    }

    /// <summary>
    /// Refuses an empty string where a file or folder is named (<c>--db "$DB"</c> with DB unset): it names nothing, and
    /// read as "not given" it would put another file (the default index) in its place.
    /// </summary>
    public static void RejectEmptyNames(SymbolResult result)
    {
        if (!result.Tokens.Any(t => t.Value.Length == 0)) return;
        var name = result switch
        {
            OptionResult option => option.Option.Name,
            ArgumentResult argument => argument.Argument.Name,
            _ => "a path",
        };
        result.AddError($"{name}: an empty string names no file");
    }

    /// <summary>The most <c>--jobs</c> a command takes: each is a thread, and starting a million of them took minutes, deaf to Ctrl-C.</summary>
    public const int MaxJobs = 1024;

    /// <summary>The <c>--jobs N</c> option of the commands that verify in parallel: 1 to <see cref="MaxJobs"/>, default all cores.</summary>
    public static Option<int?> Jobs(string description)
    {
        var jobs = new Option<int?>("--jobs", "-j") { Description = description + $" (1 to {MaxJobs}; default: all cores).", HelpName = "N" };
        jobs.CustomParser = result => WholeNumber(result, minimum: 1, maximum: MaxJobs);
        return jobs;
    }

    /// <summary>
    /// An option's value as a whole number from <paramref name="minimum"/> to <paramref name="maximum"/>; anything else
    /// (not a number, a fraction, out of range) is a usage error in one line, never an exception. For <see cref="Option{T}.CustomParser"/>.
    /// </summary>
    public static int WholeNumber(ArgumentResult result, int minimum, int maximum = int.MaxValue)
    {
        var token = Token(result);
        if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= minimum && value <= maximum) return value;
        result.AddError(maximum == int.MaxValue
            ? $"{OptionName(result)}: '{token}' is not a whole number of at least {minimum}"
            : $"{OptionName(result)}: '{token}' is not a whole number from {minimum} to {maximum}");
        return minimum;
    }

    /// <summary>An option's value as a finite number of seconds from <paramref name="minimum"/> to <paramref name="maximum"/>, like <see cref="WholeNumber"/>.</summary>
    public static double Seconds(ArgumentResult result, double minimum, double maximum)
    {
        var token = Token(result);
        if (double.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value >= minimum && value <= maximum)
            return value;
        result.AddError($"{OptionName(result)}: '{token}' is not a number of seconds from {minimum} to {maximum}");
        return minimum;
    }

    // The parser runs only for an option given with its value: exactly one token (the arity checks that).
    private static string Token(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens);

    private static string OptionName(ArgumentResult result) => (result.Parent as OptionResult)?.Option.Name ?? result.Argument.Name;

    /// <summary>
    /// A token like <c>--bogus</c> is a mistyped option, not a path: reject it (a file really named so can be
    /// given as <c>./--bogus</c> or after <c>--</c>). A lone <c>-</c> is standard input.
    /// </summary>
    public static void RejectUnknownOptions(this Argument<string[]> argument) =>
        argument.Validators.Add(result =>
        {
            RejectOptionTokens(result, PathHint);
            RejectStandardInputTwice(result);
        });

    /// <summary>Standard input (<c>-</c>) can be read once.</summary>
    public static void RejectStandardInputTwice(ArgumentResult result)
    {
        if (result.Tokens.Count(t => t.Value == "-") > 1) result.AddError("'-' (standard input) is given more than once");
    }

    /// <summary>The advice for a path refused as an unknown option: how to name a file whose name starts with '-'.</summary>
    public static string PathHint(string token) => $" (a path starting with '-' can be written ./{token}, or after '--')";

    /// <summary>The ALIAS argument(s) of resolve and show: no alias form starts with '-', so such a token is a mistyped option.</summary>
    public static Argument<T> Alias<T>(string description)
    {
        var alias = new Argument<T>("ALIAS") { Description = description };
        alias.Validators.Add(result => RejectOptionTokens(result, _ => ""));
        return alias;
    }

    /// <summary>
    /// How many arguments follow the command line's first <c>--</c>: they are literal (a file named <c>--odd.json</c>),
    /// never options. Set before parsing; System.CommandLine gives a validator its tokens, not where they stood.
    /// </summary>
    public static int LiteralArguments { get; set; }

    /// <summary>The number of arguments after the first <c>--</c> of <paramref name="args"/> (0 without one).</summary>
    public static int AfterEndOfOptions(string[] args) => Array.IndexOf(args, "--") is var at and >= 0 ? args.Length - at - 1 : 0;

    /// <summary>
    /// Refuses each token longer than "-" that starts with '-' as an unknown option, but those after <c>--</c> (the
    /// last <see cref="LiteralArguments"/>: every command has one argument taking many tokens, which gets them all);
    /// <paramref name="hint"/> adds the command's advice for that token.
    /// </summary>
    public static void RejectOptionTokens(ArgumentResult result, Func<string, string> hint)
    {
        var optionLike = result.Tokens.Count - Math.Min(LiteralArguments, result.Tokens.Count);
        foreach (var token in result.Tokens.Take(optionLike))
        {
            if (token.Value.Length > 1 && token.Value[0] == '-') result.AddError($"unknown option '{token.Value}'{hint(token.Value)}");
        }
    }

    /// <summary>
    /// A parse error as pith words it: a stray token, which System.CommandLine calls an "unrecognized command or
    /// argument" in the commands that take no such argument, is an unknown option (or an unexpected argument), as the
    /// commands' own validators say it.
    /// </summary>
    public static string InOurWords(ParseError error, IReadOnlyList<string> unmatched)
    {
        foreach (var token in unmatched)
        {
            if (!error.Message.Contains($"'{token}'", StringComparison.Ordinal)) continue;
            return token.Length > 1 && token[0] == '-' ? $"unknown option '{token}'" : $"unexpected argument '{token}'";
        }
        return error.Message;
    }
}
