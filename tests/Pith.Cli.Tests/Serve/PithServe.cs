using Pith.Cli.Tests.Conventions;

namespace Pith.Cli.Tests.Serve;

/// <summary>
/// A real <c>pith serve</c> on a free loopback port (port 0: the system picks one, and pith prints the URL it got), with an
/// HttpClient on it. Ready once pith says it listens; stopped with SIGTERM, as a service manager stops it.
/// </summary>
public sealed class PithServe : IDisposable
{
    public const string Listening = "pith serve: listening on ";

    private PithServe(RunningPith process, string url)
    {
        Process = process;
        Url = url;
        Client = new HttpClient { BaseAddress = new Uri(url) };
    }

    public RunningPith Process { get; }

    /// <summary>The base URL pith printed, e.g. http://127.0.0.1:40123.</summary>
    public string Url { get; }

    public HttpClient Client { get; }

    public static PithServe Start(string db, params string[] args)
    {
        var process = RunningPith.Start(["serve", "--db", db, "--listen", "127.0.0.1:0", .. args], environment: null);
        try
        {
            var line = process.StderrLineWith(Listening);
            return new PithServe(process, line[Listening.Length..].Split(' ')[0]);
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>SIGTERM, then what pith printed and its exit status.</summary>
    public PithResult Stop()
    {
        Process.Terminate();
        return Process.WaitForExit();
    }

    public void Dispose()
    {
        Client.Dispose();
        Process.Dispose();
    }
}
