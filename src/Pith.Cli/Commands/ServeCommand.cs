using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using Pith.Index;
using Pith.Server;

namespace Pith.Cli.Commands;

/// <summary><c>pith serve</c>: a read-only server of the index (records, bundles and state files at the resolver's paths, the resolve and search APIs, HTML pages).</summary>
public static class ServeCommand
{
    public const string DefaultListen = "127.0.0.1:8080";

    public static Command Create()
    {
        var db = IndexOptions.CreateDb();
        var listen = new Option<IPEndPoint>("--listen")
        {
            Description = $"The address and port to listen on (default {DefaultListen}: this machine only). Port 0 takes a free port; the URL is printed on stderr.",
            HelpName = "ADDR:PORT",
            DefaultValueFactory = _ => IPEndPoint.Parse(DefaultListen),
            CustomParser = Endpoint,
        };
        var keys = KeyOptions.Create();
        var command = new Command("serve",
            "Serve the index read-only over HTTP: /pith/CODE.json, /pith/CODE/bundle.json, /.well-known/pith/CODE/bundle.json, " +
            "/pith/CODE/state.json (the stored bytes), /api/pith-number/resolve, /api/search, /healthz, and HTML pages at / and " +
            "/pith/CODE (which re-verify the record against the trusted keys). Stops on Ctrl-C or SIGTERM.")
        {
            db, listen, keys,
        };
        command.SetAction((parse, cancel) => Run(parse.GetValue(db), parse.GetValue(listen)!, parse.GetValue(keys) ?? [], cancel));
        return command;
    }

    private static async Task<int> Run(string? dbOption, IPEndPoint listen, string[] keyFiles, CancellationToken cancel)
    {
        // The keys the record pages re-verify against, as for every verifying command.
        var keys = KeyOptions.Load(keyFiles, cancel);
        if (!keys.Success) return Cli.Error(keys.Error!);
        var options = new ServerOptions(IndexLocation.Resolve(dbOption), listen, keys.Value!);
        try
        {
            await PithServer.RunAsync(options,
                url => Console.Error.WriteLine($"pith serve: listening on {url} (index {Rendering.TerminalText.Sanitize(options.IndexPath)})"),
                Cli.Complain,
                cancel);
        }
        catch (CannotListenException e)
        {
            return Cli.Error(e.Message);
        }
        Console.Error.WriteLine("pith serve: stopped");
        return ExitCode.Ok;
    }

    private static IPEndPoint Endpoint(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        // IPEndPoint.TryParse also takes an address without a port ("127.0.0.1", "::1"): a port must be given here.
        var hasPort = text.StartsWith('[') ? text.Contains("]:", StringComparison.Ordinal) : text.Count(c => c == ':') == 1;
        if (hasPort && IPEndPoint.TryParse(text, out var endpoint)) return endpoint;
        result.AddError($"--listen takes ADDR:PORT, an IP address and a port (127.0.0.1:8080, 0.0.0.0:8080, [::1]:8080), not '{text}'");
        return null!;
    }
}
