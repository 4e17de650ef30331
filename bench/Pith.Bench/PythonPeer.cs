using System.Globalization;
using System.Text.RegularExpressions;

namespace Pith.Bench;

/// <summary>
/// The Python peer (shared/peer/pith_peer.py), run as issue 15 names it: <c>python3 SCRIPT import DIR --workers 2</c>,
/// whatever the core count, since the issue's target is a ratio to that command. Its import prints "N ok, M bad" on
/// stdout, a last line "imported N ok, M bad, K new in ..." on stderr, and exits 2 when any file was bad.
/// </summary>
public static partial class PythonPeer
{
    public const string Interpreter = "python3";
    public const int Workers = 2;

    /// <summary>The peer's import of <paramref name="corpus"/> into <paramref name="db"/>; without <paramref name="keys"/> it reads DIR/keys.json.</summary>
    public static string[] ImportArguments(string script, string corpus, string db, string? keys) =>
        [script, "import", corpus, "--db", db, .. keys is null ? Array.Empty<string>() : ["--keys", keys], "--workers", Workers.ToString(CultureInfo.InvariantCulture)];

    /// <summary>Runs the peer's import (its worker pool's memory included) and checks that it ran through.</summary>
    public static (TimedProcess Run, ImportCounts Counts) Import(string script, string corpus, string db, string? keys)
    {
        var run = TimedProcess.Run(Interpreter, ImportArguments(script, corpus, db, keys), withChildren: true);
        var match = SummaryLine().Match(run.Stderr);
        if (!match.Success)
            throw new BenchFailure($"the peer's import exited {run.ExitCode} without its summary line: {run.Stdout.Trim()} {run.Stderr.Trim()}");
        var counts = new ImportCounts(Count(match, "ok"), Count(match, "bad"), Count(match, "new"));
        if (run.ExitCode != (counts.Bad > 0 ? 2 : 0))
            throw new BenchFailure($"the peer's import exited {run.ExitCode}: {run.Stderr.Trim()}");
        return (run, counts);
    }

    /// <summary>What the peer's import says it did: files accepted, files refused, records new to its index.</summary>
    public sealed record ImportCounts(long Ok, long Bad, long New);

    private static long Count(Match match, string group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^imported (?<ok>\d+) ok, (?<bad>\d+) bad, (?<new>\d+) new in ", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();
}
