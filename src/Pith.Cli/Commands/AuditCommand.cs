using System.CommandLine;
using System.Text.Json;
using Pith.Cli.Rendering;
using Pith.Core.Verification;
using Pith.Index.Audit;
using Pith.Pipeline;

namespace Pith.Cli.Commands;

/// <summary><c>pith audit</c>: re-verify everything the index stores, to catch bit rot or tampering with the index file.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var db = IndexOptions.CreateDb();
        var keys = KeyOptions.Create();
        var jobs = ArgumentRules.Jobs("Parallel workers verifying");
        var json = new Option<bool>("--json") { Description = "Print one JSON object: the failures (pith_number, copy, imported_from, problems) and the counts." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress line (failures and the summary are still printed)." };
        var command = new Command("audit",
            "Re-verify every stored copy, current records, older copies, variants and kept bundles and state files, from its stored bytes " +
            "against the trusted keys (a state file is accepted when consistent: it carries no receipt); check that the bytes still " +
            "hash to what was stored at import and that the index's columns (Pith number, code, digest, source, document type, " +
            "unsigned mark, key id, signature, title, aliases) are what the document derives. Prints FAIL lines naming each failing " +
            "record (standard output), then a summary (standard error).")
        {
            db, keys, jobs, json, quiet,
        };
        command.SetAction((parse, cancel) => Task.Run(() => Run(
            parse.GetValue(db), parse.GetValue(keys) ?? [], parse.GetValue(jobs), parse.GetValue(json), parse.GetValue(quiet), cancel), CancellationToken.None));
        return command;
    }

    private static int Run(string? dbOption, string[] keyFiles, int? jobs, bool json, bool quiet, CancellationToken cancel)
    {
        var trusted = KeyOptions.Load(keyFiles, cancel);
        if (!trusted.Success) return Cli.Error(trusted.Error!);
        var verifier = new RecordVerifier(trusted.Value!);
        using var database = IndexOptions.OpenExisting(dbOption);
        // The whole-file structural check first (SQLite's quick_check): a damaged file is refused in one line.
        database.EnsureIntact();
        var progress = ProgressLine.IfTerminal(quiet);
        var auditor = new IndexAuditor(database, verifier, new PipelineOptions { Workers = jobs ?? Environment.ProcessorCount });

        using var stdout = Cli.OpenStdout();
        using var jsonWriter = json ? new Utf8JsonWriter(stdout.BaseStream, Pith.Index.JsonOutput.WriterOptions) : null;
        jsonWriter?.WriteStartObject();
        jsonWriter?.WriteStartArray("failures");
        var summary = auditor.Run(
            failure =>
            {
                progress?.Clear();
                if (jsonWriter is null)
                {
                    WriteHuman(stdout, failure);
                    return;
                }
                WriteJson(jsonWriter, failure);
                // The writer holds what it writes until flushed: keep memory bounded however many fail.
                if (jsonWriter.BytesPending > 1 << 16) jsonWriter.Flush();
            },
            progress is null ? null : p => progress.Show($"auditing: {p.Done}/{p.Total} stored copies, {p.Failed} failed"),
            cancel);
        progress?.Clear();
        if (jsonWriter is not null)
        {
            jsonWriter.WriteEndArray();
            WriteProblems(jsonWriter, "index_problems", summary.IndexProblems);
            jsonWriter.WriteNumber("records", summary.Records);
            jsonWriter.WriteNumber("history_copies", summary.HistoryCopies);
            jsonWriter.WriteNumber("documents", summary.Documents);
            jsonWriter.WriteNumber("variants", summary.Variants);
            jsonWriter.WriteNumber("failed_records", summary.FailedRecords);
            jsonWriter.WriteNumber("failed_history_copies", summary.FailedHistoryCopies);
            jsonWriter.WriteNumber("failed_documents", summary.FailedDocuments);
            jsonWriter.WriteNumber("failed_variants", summary.FailedVariants);
            jsonWriter.WriteNumber("elapsed_s", Math.Round(summary.Elapsed.TotalSeconds, 3));
            jsonWriter.WriteBoolean("interrupted", summary.Interrupted);
            jsonWriter.WriteString("db", database.Path);
            jsonWriter.WriteEndObject();
            jsonWriter.Flush();
            stdout.BaseStream.WriteByte((byte)'\n');
        }
        else
        {
            foreach (var (check, reason) in summary.IndexProblems) stdout.WriteLine(TerminalText.Sanitize($"FAIL index {database.Path}: {check}: {reason}"));
            // FAIL lines are the result (stdout); the summary is a report (stderr), after them.
            stdout.Flush();
            Cli.Report("audit", Summary(summary));
        }
        return summary.Interrupted ? ExitCode.Interrupted : summary.Sound ? ExitCode.Ok : ExitCode.Invalid;
    }

    // Interrupted, nothing is "all sound": what was not checked is unknown.
    private static string Summary(AuditSummary summary)
    {
        var audited = $"{summary.Records} records, {summary.HistoryCopies} older copies, {summary.Variants} variants and {summary.Documents} bundles and state files";
        var failed = $"{summary.FailedRecords} records, {summary.FailedHistoryCopies} older copies, {summary.FailedVariants} variants and {summary.FailedDocuments} bundles and state files failed";
        if (summary.Interrupted)
            return $"interrupted after {summary.Elapsed.TotalSeconds:0.00} s: audited {audited} (not all that is stored): " +
                   (summary.Failed == 0 ? "none of them failed" : failed);
        return $"audited {audited} in {summary.Elapsed.TotalSeconds:0.00} s: " +
               (summary.Sound ? "all sound" : summary.Failed == 0 ? "every copy sound, the index itself not" : failed);
    }

    private static void WriteHuman(StreamWriter output, AuditFailure failure)
    {
        var problems = string.Join("; ", failure.Problems.Select(p => $"{p.Check}: {p.Reason}"));
        output.WriteLine(TerminalText.Sanitize($"FAIL {failure.PithNumber} ({failure.Describe()}, imported from {failure.ImportedFrom}): {problems}"));
    }

    private static void WriteJson(Utf8JsonWriter json, AuditFailure failure)
    {
        json.WriteStartObject();
        json.WriteString("pith_number", failure.PithNumber);
        json.WriteString("copy", failure.Copy switch { AuditedCopy.Current => "current", AuditedCopy.History => "history", AuditedCopy.Variant => "variant", _ => "document" });
        json.WriteString("document_type", failure.DocumentType);
        json.WriteString("imported_from", failure.ImportedFrom);
        WriteProblems(json, "problems", failure.Problems);
        json.WriteEndObject();
    }

    private static void WriteProblems(Utf8JsonWriter json, string name, IEnumerable<(string Check, string Reason)> problems)
    {
        json.WriteStartArray(name);
        foreach (var (check, reason) in problems)
        {
            json.WriteStartObject();
            json.WriteString("check", check);
            json.WriteString("reason", reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
