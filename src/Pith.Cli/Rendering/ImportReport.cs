using System.Text.Json;
using Pith.Index;
using Pith.Index.Import;

namespace Pith.Cli.Rendering;

/// <summary>What an import (or a sync, which is one) did, for the user and for programs, and the exit status it means.</summary>
public static class ImportReport
{
    /// <summary>
    /// The JSON object is the result (stdout); the human summary and REJECT lines are a report (stderr), as in every
    /// command. A run that stopped on a feed it could not read, before receiving anything, has nothing to summarise: its
    /// one line is the reason, printed last.
    /// </summary>
    public static int Write(string command, ImportSummary summary, string dbPath, bool json, bool quiet)
    {
        if (json)
        {
            using var stdout = Cli.OpenStdout();
            WriteJson(stdout, summary, dbPath);
        }
        else if (summary.Failure is null || summary.Inputs > 0)
        {
            WriteHuman(command, summary, dbPath, quiet);
        }
        if (summary.Failure is { } failure) return Cli.Error(failure);
        return summary.Interrupted ? ExitCode.Interrupted : summary.Rejected > 0 ? ExitCode.Invalid : ExitCode.Ok;
    }

    private static void WriteHuman(string command, ImportSummary summary, string dbPath, bool quiet)
    {
        if (!quiet)
        {
            foreach (var reject in summary.Rejects)
                Console.Error.WriteLine($"REJECT {TerminalText.Sanitize(reject.Where)}: {reject.Check}: {TerminalText.Sanitize(reject.Reason)}");
            if (summary.Rejects.Count < summary.Rejected)
                Console.Error.WriteLine($"... {summary.Rejected - summary.Rejects.Count} more rejects are stored in the index (table rejects, run {summary.RunId})");
        }
        Cli.Report(command, $"{(summary.Interrupted ? "interrupted: " : "")}imported {summary.Imported}, updated {summary.Updated}, unchanged {summary.Unchanged}, " +
                            $"older copies kept {summary.Historical}, variants {summary.Variants}, " + (summary.Noted > 0 ? $"noted {summary.Noted} (other documents of stored records), " : "") +
                            $"rejected {summary.Rejected}" +
                            (summary.Rejected > 0 ? " (" + string.Join(", ", summary.RejectedByCheck.Select(kv => $"{kv.Key}: {kv.Value}")) + ")" : ""));
        Cli.Report(command, $"{summary.Inputs} inputs in {summary.Elapsed.TotalSeconds:0.00} s ({summary.RecordsPerSecond:0} records/s) into {dbPath}");
    }

    private static void WriteJson(StreamWriter output, ImportSummary summary, string dbPath)
    {
        output.Flush();
        using (var json = new Utf8JsonWriter(output.BaseStream, JsonOutput.WriterOptions))
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
