using System.CommandLine;
using System.Text.Json;
using Pith.Cli.Rendering;
using Pith.Index.Stats;

namespace Pith.Cli.Commands;

/// <summary><c>pith stats</c>: what the index holds, and what the last imports did.</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var db = IndexOptions.CreateDb();
        var json = new Option<bool>("--json") { Description = "Print the statistics as one JSON object." };
        var command = new Command("stats",
            "Show what the index holds: records, papers and their versions, aliases, older copies of reissued records, variants, records " +
            $"by year and by signing key, and the last {IndexStats.DefaultRuns} import runs with their counts and rejected inputs " +
            "by failing check.")
        {
            db, json,
        };
        command.SetAction(parse => Run(parse.GetValue(db), parse.GetValue(json)));
        return command;
    }

    private static int Run(string? dbOption, bool json)
    {
        using var database = IndexOptions.OpenExisting(dbOption);
        var stats = IndexStats.Read(database);
        using var stdout = Cli.OpenStdout();
        if (json) WriteJson(stdout, stats, database.Path);
        else WriteHuman(stdout, stats, database.Path);
        return ExitCode.Ok;
    }

    private static void WriteHuman(StreamWriter output, IndexStats stats, string path)
    {
        output.WriteLine($"index          {TerminalText.Sanitize(path)}");
        output.WriteLine($"records        {stats.Records}");
        // An empty index has no versions to break its 0 papers down by.
        var byVersions = stats.PapersByVersionCount.Count == 0 ? "" : $" ({string.Join(", ", stats.PapersByVersionCount.Select(p => $"{p.Papers} with {Versions(p.Versions)}"))})";
        output.WriteLine($"papers         {stats.Papers}{byVersions}");
        output.WriteLine($"aliases        {stats.Aliases}");
        output.WriteLine($"older copies   {stats.HistoryCopies}");
        output.WriteLine($"variants       {stats.Variants}");
        output.WriteLine($"by year        {List(stats.ByYear.Select(p => (p.Year, p.Records)))}");
        output.WriteLine($"by key         {List(stats.ByKeyId.Select(p => (p.KeyId, p.Records)))}");
        output.WriteLine($"import runs    {stats.ImportRuns}{(stats.LastRuns.Count < stats.ImportRuns ? $" (the last {stats.LastRuns.Count}:)" : "")}");
        foreach (var run in stats.LastRuns)
        {
            var rejects = run.RejectsByCheck.Count == 0 ? "" : " (" + List(run.RejectsByCheck.Select(p => (p.Check, p.Count))) + ")";
            // A run killed before its end never wrote its counts (they are written once, at the end): zeros would be false.
            if (run.FinishedAt is null)
            {
                output.WriteLine($"  run {run.Id}  {run.StartedAt} (did not finish): its counts were never written; what it committed stays in the index");
                continue;
            }
            output.WriteLine($"  run {run.Id}  {run.StartedAt}{(run.Interrupted ? " (interrupted)" : "")}: imported {run.Imported}, updated {run.Updated}, " +
                             $"unchanged {run.Unchanged}, older copies kept {run.Historical}, variants {run.Variants}, " + (run.Noted > 0 ? $"noted {run.Noted}, " : "") + $"rejected {run.Rejected}{rejects}");
        }
    }

    private static string Versions(long n) => n == 1 ? "1 version" : $"{n} versions";

    private static string List(IEnumerable<(string Key, long Count)> pairs) =>
        string.Join(", ", pairs.Select(p => $"{TerminalText.Sanitize(p.Key)}: {p.Count}")) is { Length: > 0 } list ? list : "none";

    private static void WriteJson(StreamWriter output, IndexStats stats, string path)
    {
        using var lines = new JsonLineWriter(output);
        lines.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("db", path);
            json.WriteNumber("records", stats.Records);
            json.WriteNumber("papers", stats.Papers);
            Counts(json, "papers_by_version_count", stats.PapersByVersionCount.Select(p => (p.Versions.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Papers)));
            json.WriteNumber("aliases", stats.Aliases);
            json.WriteNumber("history_copies", stats.HistoryCopies);
            json.WriteNumber("variants", stats.Variants);
            Counts(json, "by_year", stats.ByYear.Select(p => (p.Year, p.Records)));
            Counts(json, "by_key_id", stats.ByKeyId.Select(p => (p.KeyId, p.Records)));
            json.WriteNumber("import_runs", stats.ImportRuns);
            json.WriteStartArray("last_runs");
            foreach (var run in stats.LastRuns)
            {
                json.WriteStartObject();
                json.WriteNumber("run_id", run.Id);
                json.WriteString("started_at", run.StartedAt);
                json.WriteString("finished_at", run.FinishedAt);
                json.WriteBoolean("interrupted", run.Interrupted);
                ImportCountsJson.Write(json, run.Imported, run.Updated, run.Unchanged, run.Historical, run.Noted, run.Variants, run.Rejected);
                Counts(json, "rejected_by_check", run.RejectsByCheck.Select(p => (p.Check, p.Count)));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static void Counts(Utf8JsonWriter json, string name, IEnumerable<(string Key, long Count)> pairs)
    {
        json.WriteStartObject(name);
        foreach (var (key, count) in pairs) json.WriteNumber(key, count);
        json.WriteEndObject();
    }
}
