using System.CommandLine;
using Pith.Cli.Rendering;
using Pith.Index.Search;

namespace Pith.Cli.Commands;

/// <summary><c>pith search TEXT</c>: the records whose titles hold every word of TEXT, best first.</summary>
public static class SearchCommand
{
    public const int DefaultLimit = 20;

    public static Command Create()
    {
        var text = new Argument<string[]>("TEXT")
        {
            Description = "Words to find in titles (all of them, in any order; case and accents ignored). Quotes, *, AND, OR, NEAR are plain text.",
            Arity = ArgumentArity.OneOrMore,
        };
        // A mistyped option is not text to search for (and punctuation is not searched anyway: "-x" finds what "x" finds).
        text.Validators.Add(result =>
            ArgumentRules.RejectOptionTokens(result, _ => " (to search for the word, leave out the '-': punctuation is not searched)"));
        var db = IndexOptions.CreateDb();
        var limit = new Option<int>("--limit", "-n") { Description = "At most N results.", HelpName = "N", DefaultValueFactory = _ => DefaultLimit };
        limit.CustomParser = result => ArgumentRules.WholeNumber(result, minimum: 1);
        var json = new Option<bool>("--json") { Description = "One JSON object per result per line: rank, score (bm25, lower is better), pith_number, source_id, source_version, title." };
        var command = new Command("search",
            "Search the titles of the indexed records (SQLite FTS5), ranked by bm25. Prints rank, Pith number, arXiv id with " +
            "version, and title.")
        {
            text, db, limit, json,
        };
        command.SetAction(parse => Run(string.Join(' ', parse.GetValue(text)!), parse.GetValue(db), parse.GetValue(limit), parse.GetValue(json)));
        return command;
    }

    /// <summary>How much of the search text the "no title matches" line repeats.</summary>
    private const int EchoedLength = 200;

    private static int Run(string text, string? dbOption, int limit, bool json)
    {
        var query = SearchQuery.Parse(text);
        if (query.Error == SearchQuery.NoWords) return Cli.Error("the search text holds no words");
        if (!query.Success)
        {
            Cli.Report("search", "the search text " + query.Error);
            return ExitCode.Usage;
        }
        using var database = IndexOptions.OpenExisting(dbOption);
        using var search = new TitleSearch(database);
        // One more than shown tells whether the limit cut the results, without counting every match.
        var found = search.Search(text, limit == int.MaxValue ? limit : limit + 1);
        var hits = found.Count > limit ? found.Take(limit).ToList() : found;
        using var stdout = Cli.OpenStdout();
        if (json) WriteJson(stdout, hits);
        else
        {
            foreach (var hit in hits)
                stdout.WriteLine($"{hit.Rank,3}  {hit.PithNumber}  {TerminalText.Sanitize(hit.SourceId)}v{hit.SourceVersion}  {TerminalText.Sanitize(hit.Title ?? "")}");
        }
        stdout.Flush();
        if (found.Count > limit) Cli.Report("search", $"more matches than the {limit} shown (use --limit N to see more)");
        if (hits.Count > 0) return ExitCode.Ok;
        Cli.Report("search", "no title matches " + Shortened(text));
        return ExitCode.Invalid;
    }

    /// <summary>The text, or its first <see cref="EchoedLength"/> characters and "…": a line, not a page, however long the search.</summary>
    private static string Shortened(string text)
    {
        if (text.Length <= EchoedLength) return text;
        var end = char.IsHighSurrogate(text[EchoedLength - 1]) ? EchoedLength - 1 : EchoedLength;
        return text[..end] + "\u2026";
    }

    private static void WriteJson(StreamWriter output, IReadOnlyList<SearchHit> hits)
    {
        using var lines = new JsonLineWriter(output);
        foreach (var hit in hits)
        {
            lines.Write(hit.WriteJson);
        }
    }
}
