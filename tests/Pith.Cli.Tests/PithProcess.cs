using System.Diagnostics;
using System.Text;

namespace Pith.Cli.Tests;

/// <summary>
/// Runs the real CLI as a child process, the way a user does, so exit statuses, stdout and stderr are what a shell
/// sees: the executable named by <c>PITH_EXECUTABLE</c> when it is set, else the native pith the build published beside
/// the tests (<c>native/pith</c>, where Native AOT can link), else <c>dotnet pith.dll</c>, built next to the tests.
/// <c>PITH_EXECUTABLE=pith.dll</c> chooses pith.dll even where a native pith was published.
/// </summary>
public static class PithProcess
{
    /// <summary>The native pith under test, or null to run the pith.dll built beside the tests.</summary>
    public static string? Executable { get; } = Environment.GetEnvironmentVariable("PITH_EXECUTABLE") switch
    {
        "pith.dll" => null,
        { Length: > 0 } path => Path.GetFullPath(path),
        _ => File.Exists(Path.Combine(AppContext.BaseDirectory, "native", "pith")) ? Path.Combine(AppContext.BaseDirectory, "native", "pith") : null,
    };

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The test bin folder: pith.dll and samples/ live here; the default working directory.</summary>
    public static string BinDirectory { get; } = AppContext.BaseDirectory;

    /// <summary>The folder pith runs from: the native executable's, or this bin folder with pith.dll.</summary>
    public static string InstallationDirectory => Executable is null ? BinDirectory : Path.GetDirectoryName(Executable)!;

    /// <summary>
    /// The user key store every run sees unless a test names another: a folder that does not exist, so the store of
    /// whoever runs the tests never changes what they trust.
    /// </summary>
    public static readonly string NoConfigHome = Path.Combine(Path.GetTempPath(), "pith-cli-tests-no-config-" + Guid.NewGuid().ToString("N"));

    public static PithResult Run(params string[] args) => Run(args, stdin: null, workingDirectory: null);

    /// <summary>
    /// Runs pith with <paramref name="args"/>; <paramref name="stdin"/> is piped in, or stdin is closed at once;
    /// <paramref name="environment"/> is set (or, for a null value, removed) in the child's environment;
    /// <paramref name="installation"/> is a copy of <see cref="InstallationDirectory"/> to run pith from instead.
    /// </summary>
    public static PithResult Run(
        IEnumerable<string> args, byte[]? stdin = null, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null,
        string? installation = null)
    {
        var start = StartInfo(args, workingDirectory, environment, installation);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        // Drain both pipes while stdin is written, so a chatty child can never deadlock against us.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var input = Task.Run(() => WriteStdin(process, stdin));
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pith {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s");
        }
        process.WaitForExit();
        input.GetAwaiter().GetResult();
        return new PithResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>
    /// Runs pith with its standard input opened on <paramref name="path"/> by a shell (<c>pith ARGS &lt; PATH</c>), so that
    /// it can be what a pipe cannot: a folder, a file.
    /// </summary>
    public static PithResult RunWithStandardInputFrom(string path, params string[] args) =>
        RunInShell("exec \"$0\" \"$@\" < \"$PITH_TEST_STDIN\"", new Dictionary<string, string> { ["PITH_TEST_STDIN"] = path }, args);

    /// <summary>
    /// Runs pith through <c>/bin/sh -c SCRIPT</c>, in which <c>"$0" "$@"</c> is pith with <paramref name="args"/>, and
    /// <paramref name="variables"/> are set: for what a process started from .NET cannot be given (a folder as standard
    /// input, an argument that is not UTF-8).
    /// </summary>
    public static PithResult RunInShell(string script, IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var pith = StartInfo(args);
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = pith.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var (name, value) in pith.Environment) start.Environment[name] = value;
        foreach (var (name, value) in variables) start.Environment[name] = value;
        foreach (var arg in (string[])["-c", script, pith.FileName, .. pith.ArgumentList]) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /bin/sh");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pith {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s");
        }
        process.WaitForExit();
        return new PithResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>How pith is started: every stream redirected (so no progress line), stdin to be written or closed by the caller.</summary>
    public static ProcessStartInfo StartInfo(
        IEnumerable<string> args, string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null, string? installation = null)
    {
        var executable = Executable is null ? null : installation is null ? Executable : Path.Combine(installation, Path.GetFileName(Executable));
        // dotnet test sets DOTNET_HOST_PATH to the muxer running the tests: use the same one.
        var host = executable ?? (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet");
        var start = new ProcessStartInfo(host)
        {
            WorkingDirectory = workingDirectory ?? BinDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        start.Environment["XDG_CONFIG_HOME"] = NoConfigHome;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) start.Environment[name] = value;
        if (executable is null) start.ArgumentList.Add(Path.Combine(installation ?? BinDirectory, "pith.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    private static void WriteStdin(Process process, byte[]? bytes)
    {
        try
        {
            if (bytes is not null) process.StandardInput.BaseStream.Write(bytes);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited without reading it all (e.g. a usage error): nothing to deliver.
        }
    }
}
