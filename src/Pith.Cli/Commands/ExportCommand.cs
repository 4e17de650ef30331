using System.CommandLine;
using Pith.Cli.Rendering;
using Pith.Inputs;
using Pith.Inputs.Files;
using Pith.Index.Export;

namespace Pith.Cli.Commands;

/// <summary><c>pith export</c>: the stored original records as JSON Lines, for a backup or another machine's <c>pith import</c>.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var db = IndexOptions.CreateDb();
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Write to FILE (atomically: a temporary file beside it, renamed when complete; a device or FIFO is written into) instead of standard output ('-').",
            HelpName = "FILE",
        };
        output.Validators.Add(ArgumentRules.RejectEmptyNames);
        var history = new Option<bool>("--history")
        {
            Description = "Also export the older copies kept of reissued records and the variants of records (after the current records); without it, only current records.",
        };
        var command = new Command("export",
            "Print the stored original records as JSON Lines (one record per line), current records in import order, then (with " +
            "--history) older copies and variants, then the bundles and state files kept beside the records. A record " +
            "stored on one line is written byte for byte; a pretty-printed one has its line breaks turned to spaces (the same " +
            "JSON document: same canonical record, hash and signature). 'pith import FILE.jsonl' reads it back ('--allow-unsigned' " +
            "to keep state files).")
        {
            db, output, history,
        };
        command.SetAction((parse, cancel) => Task.Run(() => Run(parse.GetValue(db), parse.GetValue(output), parse.GetValue(history), cancel), CancellationToken.None));
        return command;
    }

    private static int Run(string? dbOption, string? outPath, bool history, CancellationToken cancel)
    {
        if (outPath == OutputTarget.StandardOutput) outPath = null;
        using var database = IndexOptions.OpenExisting(dbOption);
        if (outPath is not null && OutputTarget.Refusal(outPath, database.Path) is { } refusal) return Cli.Error(refusal);
        // Descriptor 1 is then one of the runtime's own files: the export would be written into it.
        if (outPath is null && StandardStreams.IsClosed(StandardStreams.Output)) return Cli.Error("standard output is closed: name a file with --out");
        var exporter = new RecordExporter(database);
        ExportSummary summary;
        try
        {
            if (outPath is null)
            {
                using var stdout = new BufferedStream(Cli.OpenStdoutReportingBrokenPipe(), 1 << 16);
                summary = exporter.Export(stdout, history, cancel);
            }
            else if (OutputTarget.WritesThrough(outPath))
            {
                using var target = new FileStream(outPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
                summary = exporter.Export(target, history, cancel);
            }
            else
            {
                summary = default!;
                AtomicFile.Write(outPath, stream => summary = exporter.Export(stream, history, cancel));
            }
        }
        catch (OperationCanceledException)
        {
            // A regular file is written atomically (nothing replaced it); a device or FIFO was written into as it went.
            Cli.Report("export", outPath is null ? "interrupted"
                : OutputTarget.WritesThrough(outPath) ? $"interrupted; {outPath} got only part of the export"
                : $"interrupted; {outPath} was not written");
            return ExitCode.Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException || IoMessages.IsFileTooLarge(e))
        {
            // A full disk or a closed pipe: named in one line (.NET's message repeats the path in its own format).
            return Cli.Error($"cannot write {outPath ?? "standard output"}: {IoMessages.Reason(e, outPath)}");
        }
        var where = outPath is null ? "" : " to " + outPath;
        var reflowed = summary.Reflowed > 0 ? $" ({summary.Reflowed} pretty-printed, written on one line)" : "";
        // A state file carries no receipt: import rejects it unless told to accept it unsigned.
        var unsigned = summary.StateFiles > 0 ? $"; {summary.StateFiles} state files among them: import with --allow-unsigned to keep them" : "";
        Cli.Report("export", $"{summary.Records} records, {summary.HistoryCopies} older copies, {summary.Variants} variants, " +
                             $"{summary.Documents} bundles and state files{where}{reflowed}{unsigned}");
        return ExitCode.Ok;
    }
}
