using System.Collections.Concurrent;
using System.CommandLine;
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
        var trusted = KeyOptions.Load(keyFiles, cancel);
        if (!trusted.Success) return Cli.Error(trusted.Error!);
        var verifier = new RecordVerifier(trusted.Value!);
        var dbPath = IndexLocation.Resolve(dbOption);
        using var database = IndexDatabase.Open(dbPath, create: true, lockTimeout);
        var options = new ImportOptions { Pipeline = new() { Workers = jobs ?? Environment.ProcessorCount }, AllowUnsigned = allowUnsigned };
        var progress = ProgressLine.IfTerminal(quiet);
        // Told after the run, with the REJECT lines, so as not to break into the progress line (the walk runs meanwhile).
        var skipped = new ConcurrentQueue<(string Link, string Reason)>();
        var importer = new Importer(database, verifier, options) { SkippedLink = (link, reason) => skipped.Enqueue((link, reason)) };
        var summary = importer.Run(paths, progress is null ? null : progress.Show, cancel);
        progress?.Clear();
        if (!quiet)
        {
            foreach (var (link, reason) in skipped) Cli.SkippedLink("import", link, reason);
        }

        return ImportReport.Write("import", summary, dbPath, json, quiet);
    }
}
