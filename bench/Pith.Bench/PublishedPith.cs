using System.Diagnostics;

namespace Pith.Bench;

/// <summary>
/// The pith a whole-process bench runs: <c>--pith FILE</c>, else pith published into the bench's folder as a user
/// installs it (the native executable, as in the tool package): start-up is part of what these benches measure.
/// </summary>
public static class PublishedPith
{
    public static string Get(BenchArguments arguments, string dir, TextWriter progress) => arguments.String("--pith") ?? Publish(dir, progress);

    /// <summary>Publishes pith (Native AOT, linux-x64) into <paramref name="dir"/>, as a user installs it.</summary>
    private static string Publish(string dir, TextWriter progress)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Pith.sln"))) root = Path.GetDirectoryName(root) ?? throw new BenchFailure("cannot find Pith.sln above the bench; give --pith FILE");
        var output = Path.Combine(dir, "publish");
        progress.WriteLine($"publishing pith (Native AOT) into {output}...");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "publish", Path.Combine(root, "src", "Pith.Cli"), "-c", "Release", "-o", output })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new BenchFailure("could not start dotnet publish");
        var log = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new BenchFailure("dotnet publish failed:\n" + log);
        return Path.Combine(output, "pith");
    }
}
