using System.CommandLine;
using System.Text.Json;
using Pith.Cli.Rendering;
using Pith.Core.Verification;
using Pith.Index;
using Pith.Index.Import;

namespace Pith.Cli.Commands;

/// <summary><c>pith import</c>: verify and index records; rerunnable at any time, losing nothing.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var paths = ArgumentRules.Paths("Record files, folders (recursively), .jsonl files (one record per line), or - for standard input.");
        var db = IndexOptions.CreateDb();
        var keys = KeyOptions.Create();
        var jobs = ArgumentRules.Jobs("Parallel workers reading and verifying");
        var lockTimeout = new Option<double>("--lock-timeout")
        {
            Description = "Seconds to wait for another pith process's lock on the index before giving up.",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => IndexDatabase.DefaultLockTimeout.TotalSeconds,
        };
        lockTimeout.CustomParser = result => ArgumentRules.Seconds(result, minimum: 0, maximum: 86_400);
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress and no per-input rejection lines; only the summary." };
        var allowUnsigned = UnsignedOptions.CreateAllowUnsigned("It is indexed, marked unsigned.");
        var command = new Command("import",
            "Verify records and bundles and add those signed by a trusted key to the index. Rerunning over the same inputs changes " +
            "nothing; a killed or interrupted import can simply be rerun. REJECT lines and the summary go to standard error; " +
            "with --json, the summary is one JSON object on standard output.")
        {
            paths, db, keys, jobs, lockTimeout, json, quiet, allowUnsigned,
        };
        // A real task, so that Ctrl-C or SIGTERM can cancel it and System.CommandLine can end the process if it lingers.
        command.SetAction((parse, cancel) => Task.Run(() => Run(
            parse.GetValue(paths)!, parse.GetValue(db), parse.GetValue(keys) ?? [], parse.GetValue(jobs),
            TimeSpan.FromSeconds(parse.GetValue(lockTimeout)), parse.GetValue(json), parse.GetValue(quiet), parse.GetValue(allowUnsigned), cancel),
            CancellationToken.None));
        return command;
    }

    private static int Run(
        string[] paths, string? dbOption, string[] keyFiles, int? jobs, TimeSpan lockTimeout, bool json, bool quiet, bool allowUnsigned, CancellationToken cancel)
    {
        var trusted = KeyOptions.Load(keyFiles);
        if (!trusted.Success) return Cli.Error(trusted.Error!);
        var verifier = new RecordVerifier(trusted.Value!);
        var dbPath = IndexLocation.Resolve(dbOption);
        using var database = IndexDatabase.Open(dbPath, create: true, lockTimeout);
        var options = new ImportOptions { Pipeline = new() { Workers = jobs ?? Environment.ProcessorCount }, AllowUnsigned = allowUnsigned };
        var progress = ProgressLine.IfTerminal(quiet);
        var summary = new Importer(database, verifier, options).Run(paths, progress is null ? null : progress.Show, cancel);
        progress?.Clear();

        // The JSON object is the result (stdout); the human summary and REJECT lines are a report (stderr), as in every command.
        if (json)
        {
            using var stdout = Cli.OpenStdout();
            WriteJson(stdout, summary, dbPath);
        }
        else
        {
            WriteHuman(Console.Error, summary, dbPath, quiet);
        }
        return summary.Interrupted ? ExitCode.Interrupted : summary.Rejected > 0 ? ExitCode.Invalid : ExitCode.Ok;
    }

    private static void WriteHuman(TextWriter output, ImportSummary summary, string dbPath, bool quiet)
    {
        if (!quiet)
        {
            foreach (var reject in summary.Rejects)
                output.WriteLine($"REJECT {TerminalText.Sanitize(reject.Where)}: {reject.Check}: {TerminalText.Sanitize(reject.Reason)}");
            if (summary.Rejects.Count < summary.Rejected)
                output.WriteLine($"... {summary.Rejected - summary.Rejects.Count} more rejects are stored in the index (table rejects, run {summary.RunId})");
        }
        output.WriteLine($"{(summary.Interrupted ? "interrupted: " : "")}imported {summary.Imported}, updated {summary.Updated}, unchanged {summary.Unchanged}, " +
                         $"older copies kept {summary.Historical}, variants {summary.Variants}, " + (summary.Noted > 0 ? $"noted {summary.Noted} (other documents of stored records), " : "") +
                         $"rejected {summary.Rejected}" +
                         (summary.Rejected > 0 ? " (" + string.Join(", ", summary.RejectedByCheck.Select(kv => $"{kv.Key}: {kv.Value}")) + ")" : ""));
        output.WriteLine($"{summary.Inputs} inputs in {summary.Elapsed.TotalSeconds:0.00} s ({summary.RecordsPerSecond:0} records/s) into {TerminalText.Sanitize(dbPath)}");
    }

    private static void WriteJson(StreamWriter output, ImportSummary summary, string dbPath)
    {
        output.Flush();
        using (var json = new Utf8JsonWriter(output.BaseStream, VerificationJson.WriterOptions))
        {
            json.WriteStartObject();
            ImportCountsJson.Write(json, summary.Imported, summary.Updated, summary.Unchanged, summary.Historical, summary.Noted, summary.Variants, summary.Rejected);
            json.WriteStartObject("rejected_by_check");
            foreach (var (check, count) in summary.RejectedByCheck) json.WriteNumber(check, count);
            json.WriteEndObject();
            json.WriteStartArray("rejects");
            foreach (var reject in summary.Rejects)
            {
                json.WriteStartObject();
                json.WriteString("path", reject.Path);
                if (reject.Line is { } line) json.WriteNumber("line", line);
                else json.WriteNull("line");
                json.WriteString("check", reject.Check);
                json.WriteString("reason", reject.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteNumber("rejects_not_listed", summary.Rejected - summary.Rejects.Count);
            json.WriteNumber("elapsed_s", Math.Round(summary.Elapsed.TotalSeconds, 3));
            json.WriteNumber("records_per_s", Math.Round(summary.RecordsPerSecond, 1));
            json.WriteBoolean("interrupted", summary.Interrupted);
            json.WriteNumber("run_id", summary.RunId);
            json.WriteString("db", dbPath);
            json.WriteEndObject();
        }
        output.BaseStream.WriteByte((byte)'\n');
    }
}
