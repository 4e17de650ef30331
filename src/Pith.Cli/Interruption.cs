using System.Runtime.InteropServices;

namespace Pith.Cli;

/// <summary>
/// SIGINT (Ctrl-C) and SIGTERM, handled from the start of the process: the first is acknowledged on stderr and cancels
/// <see cref="Token"/>, and the command stops taking input, reports what it did and exits with
/// <see cref="ExitStatus"/> (128 + the signal's number, as shells report it); a second one ends the process at once (the default action), for a command that
/// cannot stop promptly (one waiting on a terminal or pipe that sends nothing).
/// </summary>
/// <remarks>
/// Registered before the command runs, rather than by System.CommandLine (which registers only once the action has
/// started, and ends the process itself two seconds later, cutting whatever the command was printing).
/// </remarks>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;

    public Interruption()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle);
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>The status to exit with once <see cref="Token"/> is cancelled: the first signal's.</summary>
    public int ExitStatus { get; private set; } = ExitCode.Interrupted;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        if (_cancel.IsCancellationRequested) return;
        context.Cancel = true;
        ExitStatus = context.Signal == PosixSignal.SIGTERM ? ExitCode.Terminated : ExitCode.Interrupted;
        // Said at once: finishing (an import's last batch and its indexes) may take a while, and the user should know
        // the signal was heard and how to stop without waiting.
        Console.Error.WriteLine("pith: interrupted: finishing what is under way (interrupt again to stop at once)");
        _cancel.Cancel();
    }
}
