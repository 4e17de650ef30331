using System.CommandLine;
using Pith.Cli.Rendering;
using Pith.Index;
using Pith.Index.Query;
using Pith.Inputs;

namespace Pith.Cli.Commands;

/// <summary><c>pith resolve</c>: the Pith number behind each alias as people paste it (arXiv ids and links, DOIs, Pith codes).</summary>
public static class ResolveCommand
{
    public static Command Create()
    {
        var aliases = ArgumentRules.Alias<string[]>(
            "arXiv ids (2310.05918, 2310.05918v2, hep-th/9901001, arXiv:..., arxiv.org links), DOIs (bare, doi:..., doi.org links), " +
            "Pith numbers (pith:2023:CODE, pith:CODE) or codes of 8, 12, 16 or 26 characters, in any case; - reads them from standard input, one a line.");
        aliases.Arity = ArgumentArity.OneOrMore;
        aliases.Validators.Add(ArgumentRules.RejectStandardInputTwice);
        var db = IndexOptions.CreateDb();
        var json = new Option<bool>("--json") { Description = "One JSON object per alias per line: query, kind, normalized, status, reason, matches." };
        var all = new Option<bool>("--all") { Description = "An unversioned arXiv id or DOI gives every version indexed, not only the newest." };
        var command = new Command("resolve",
            "Print the Pith number of each alias, in input order, from the index. An unversioned arXiv id or DOI resolves to the newest " +
            "version indexed; a short code matching several records is ambiguous (all are listed, none picked).")
        {
            aliases, db, json, all,
        };
        command.SetAction(async (parse, cancel) =>
        {
            var run = Task.Run(() => Run(parse.GetValue(aliases)!, parse.GetValue(db), parse.GetValue(json), parse.GetValue(all), cancel), CancellationToken.None);
            try
            {
                return await run.WaitAsync(cancel);
            }
            catch (OperationCanceledException)
            {
                // A read of standard input may never return (nothing writes to it): not waited for, the command ends now.
                return ExitCode.Interrupted;
            }
        });
        return command;
    }

    private static int Run(string[] aliases, string? dbOption, bool json, bool all, CancellationToken cancel)
    {
        if (aliases.Contains("-") && StandardInput.IsClosed()) return Cli.Error(InputDocuments.ClosedStandardInput);
        using var index = IndexReader.Open(IndexLocation.Resolve(dbOption));
        using var resolver = new AliasResolver(index);
        using var stdout = Cli.OpenStdout();
        // Resolved one by one as they are written: output streams, in input order.
        var resolutions = WithStandardInput(aliases, cancel).Select(alias => resolver.Resolve(alias, all));
        // Aliases read from standard input may come one at a time (typed, or from a program waiting for each answer).
        var resolved = json ? WriteJson(stdout, resolutions) : WriteHuman(stdout, resolutions, all, flushEach: aliases.Contains("-"));
        return resolved ? ExitCode.Ok : ExitCode.Invalid;
    }

    // '-' stands for the aliases on standard input, one a line (blank lines skipped), read as they are resolved.
    private static IEnumerable<string> WithStandardInput(string[] aliases, CancellationToken cancel)
    {
        foreach (var alias in aliases)
        {
            cancel.ThrowIfCancellationRequested();
            if (alias != "-")
            {
                yield return alias;
                continue;
            }
            using var reader = new StreamReader(Console.OpenStandardInput());
            while (reader.ReadLine() is { } line)
            {
                cancel.ThrowIfCancellationRequested();
                if (line.Trim() is { Length: > 0 } trimmed) yield return trimmed;
            }
        }
    }

    // Apart from the human form: the JSON writer and its encoder tables cost start-up time when they are not used.
    private static bool WriteJson(StreamWriter stdout, IEnumerable<Resolution> resolutions)
    {
        using var lines = new JsonLineWriter(stdout);
        var resolved = true;
        foreach (var resolution in resolutions)
        {
            resolved &= resolution.Status == ResolutionStatus.Resolved;
            lines.Write(resolution.WriteJson);
        }
        return resolved;
    }

    private static bool WriteHuman(StreamWriter stdout, IEnumerable<Resolution> resolutions, bool all, bool flushEach)
    {
        var resolved = true;
        foreach (var resolution in resolutions)
        {
            if (resolution.Status != ResolutionStatus.Resolved)
            {
                resolved = false;
                // In its place among the numbers, on a terminal showing both streams.
                stdout.Flush();
                Cli.Complain(ResolutionText.Problem(resolution));
                continue;
            }
            foreach (var match in resolution.Matches)
                stdout.WriteLine(all ? $"{match.PithNumber} {TerminalText.Sanitize(ResolutionText.Versioned(match))}" : match.PithNumber);
            if (flushEach) stdout.Flush();
        }
        return resolved;
    }
}
