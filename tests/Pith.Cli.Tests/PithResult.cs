namespace Pith.Cli.Tests;

/// <summary>What one pith run left behind: its exit status and its two output streams, decoded as UTF-8.</summary>
public sealed record PithResult(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> StdoutLines => Lines(Stdout);

    public IReadOnlyList<string> StderrLines => Lines(Stderr);

    /// <summary>Asserts the exit status, showing the whole run when it is wrong (a bare number explains nothing).</summary>
    public void AssertExit(int expected) =>
        Xunit.Assert.True(ExitCode == expected, $"expected exit {expected}, got {this}");

    /// <summary>Asserts neither stream shows a .NET exception or stack trace: users get one-line reasons.</summary>
    public void AssertNoStackTrace()
    {
        foreach (var text in new[] { Stdout, Stderr })
        {
            Xunit.Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Xunit.Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        }
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

    private static string[] Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
}
