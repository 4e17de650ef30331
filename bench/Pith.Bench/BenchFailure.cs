namespace Pith.Bench;

/// <summary>
/// The benchmark cannot mean anything (a record failed to verify, bad arguments): abort with this message.
/// Exit code 1 for a failed run, 2 for a usage error, as the pith CLI does.
/// </summary>
public sealed class BenchFailure(string message, int exitCode = BenchFailure.Failed) : Exception(message)
{
    public const int Failed = 1;
    public const int Usage = 2;

    public int ExitCode { get; } = exitCode;
}
