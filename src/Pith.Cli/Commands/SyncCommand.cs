using System.CommandLine;
using Pith.Cli.Rendering;
using Pith.Core.Verification;
using Pith.Index;
using Pith.Index.Feed;
using Pith.Index.Import;
using Pith.Inputs.Feeds;

namespace Pith.Cli.Commands;

/// <summary><c>pith sync</c>: follow another pith's feed, verifying and importing what it serves; rerunnable at any time.</summary>
public static class SyncCommand
{
    public static Command Create()
    {
        var url = new Argument<string>("URL") { Description = "The mirror to follow: the address pith serve prints (its /feed.jsonl is read)." };
        url.Validators.Add(result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (FeedReader.FeedOf(token) is null) result.AddError($"'{TerminalText.Sanitize(token)}' is not an http:// or https:// address without a query");
        });
        var db = IndexOptions.CreateDb();
        var keys = KeyOptions.Create();
        var jobs = ArgumentRules.Jobs("Parallel workers verifying");
        var pageSize = new Option<int>("--page-size")
        {
            Description = $"Documents asked for per request; the place reached is stored after each page (at most {DocumentFeed.MaxLimit}).",
            HelpName = "N",
            DefaultValueFactory = _ => DocumentFeed.DefaultLimit,
        };
        pageSize.CustomParser = result => ArgumentRules.WholeNumber(result, minimum: 1, maximum: DocumentFeed.MaxLimit);
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress and no per-document rejection lines; only the summary." };
        var allowUnsigned = UnsignedOptions.CreateAllowUnsigned("It is indexed, marked unsigned.");
        var fromStart = new Option<bool>("--from-start")
        {
            Description = "Read the feed from its first document, not from where the last sync stopped: what an earlier sync rejected " +
                          "(signed by a key not trusted then) is fetched and verified again; documents held already count unchanged.",
        };
        var command = new Command("sync",
            "Follow another pith's feed (pith serve) from where the last sync stopped: verify every document it serves as import " +
            "does, trusting nothing for where it came from, and index those signed by a trusted key. The place reached is stored " +
            "with each page, so a killed sync can simply be rerun; when up to date it imports nothing.")
        {
            url, db, keys, jobs, pageSize, json, quiet, allowUnsigned, fromStart,
        };
        command.SetAction((parse, cancel) => Task.Run(() => Run(
            parse.GetValue(url)!, parse.GetValue(db), parse.GetValue(keys) ?? [], parse.GetValue(jobs), parse.GetValue(pageSize),
            parse.GetValue(json), parse.GetValue(quiet), parse.GetValue(allowUnsigned), parse.GetValue(fromStart), cancel), CancellationToken.None));
        return command;
    }

    private static int Run(string url, string? dbOption, string[] keyFiles, int? jobs, int pageSize, bool json, bool quiet, bool allowUnsigned,
        bool fromStart, CancellationToken cancel)
    {
        var trusted = KeyOptions.Load(keyFiles, cancel);
        if (!trusted.Success) return Cli.Error(trusted.Error!);
        var dbPath = IndexLocation.Resolve(dbOption);
        using var database = IndexDatabase.Open(dbPath, create: true, IndexDatabase.DefaultLockTimeout);
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) }) { Timeout = TimeSpan.FromSeconds(60) };
        var feed = new FeedReader(http, FeedReader.FeedOf(url)!, pageSize);
        var options = new ImportOptions { Pipeline = new() { Workers = jobs ?? Environment.ProcessorCount }, AllowUnsigned = allowUnsigned };
        var progress = ProgressLine.IfTerminal(quiet);
        var summary = new Importer(database, new RecordVerifier(trusted.Value!), options)
            .Sync(feed, progress is null ? null : p => progress.Show(Progress(p)), cancel, fromStart);
        progress?.Clear();

        var status = ImportReport.Write("sync", summary, dbPath, json, quiet);
        // The place stored is past them: without a word, what was rejected for a key not trusted yet would be lost for good.
        if (!json && !quiet && summary.Rejected > 0 && summary.Failure is null)
        {
            Cli.Report("sync", "the next sync goes on after the documents rejected here; once what rejected them is fixed (a key not " +
                               $"trusted?), 'pith sync --from-start {url}' reads the feed again from its start");
        }
        return status;
    }

    // A feed has no files to count: its pages are read as the sync goes, and how many there are is not known before the end.
    private static string Progress(ImportProgress progress)
    {
        var seconds = progress.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? progress.Inputs / seconds : 0;
        return $"syncing: {progress.Inputs} documents from {progress.FilesDone} pages, {rate:0} documents/s";
    }
}
