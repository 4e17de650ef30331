using System.Diagnostics;

namespace Pith.Cli.Tests.Import;

/// <summary>
/// A pith process left running, to be killed (SIGKILL: no handler, no cleanup, like a power cut for the process)
/// or waited for. Its output is drained all along, so it never blocks on a full pipe.
/// </summary>
public sealed class PithChild : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private PithChild(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Close();
    }

    public static PithChild Start(IEnumerable<string> args, string? workingDirectory = null)
    {
        var start = PithProcess.StartInfo(args, workingDirectory);
        return new PithChild(Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName));
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Kills the process at once (SIGKILL on Unix) and waits until it is gone. True if it was still running.</summary>
    public bool Kill()
    {
        var running = !_process.HasExited;
        if (running)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the kill.
                running = false;
            }
        }
        _process.WaitForExit();
        return running;
    }

    public PithResult WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            Kill();
            throw new TimeoutException($"pith did not finish within {timeout.TotalSeconds} s");
        }
        _process.WaitForExit();
        return new PithResult(_process.ExitCode, _stdout.GetAwaiter().GetResult(), _stderr.GetAwaiter().GetResult());
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
