using Xunit;

namespace Pith.Cli.Tests.Installation;

/// <summary>
/// pith run from a copy of its installation that lacks libsodium.so or libe_sqlite3.so, as after a broken install: the
/// commands that need the missing library stop in one line, exit 2; the others still work.
/// </summary>
public sealed class BrokenInstallationTests
{
    [Fact]
    public void Without_libsodium_every_verifying_command_says_what_is_missing_in_one_line()
    {
        using var temp = new TempFolder();
        var broken = CopyInstallationWithout(temp, "libsodium.so");
        var db = Path.Combine(temp.Root, "index.db");
        PithProcess.Run(["import", "--db", db, "--quiet", Samples.Records]).AssertExit(0);

        string[][] verifying =
        [
            ["verify", Samples.Records],
            ["import", "--db", Path.Combine(temp.Root, "other.db"), "--quiet", Samples.Records],
            ["audit", "--db", db, "--quiet"],
        ];
        AssertEachStopsInOneLine(verifying, broken, "cannot load libsodium");
        Assert.False(File.Exists(Path.Combine(temp.Root, "other.db")), "an import that cannot verify must not create an index");

        var resolve = PithProcess.Run(["resolve", "--db", db, "2310.05918"], installation: broken);
        resolve.AssertExit(0);
        Assert.Equal(["pith:2023:3V7SYW4G2357KRLWH4ESWW6RSL"], resolve.StdoutLines);
    }

    [Fact]
    public void Without_libe_sqlite3_every_command_that_opens_an_index_says_what_is_missing_in_one_line()
    {
        using var temp = new TempFolder();
        var broken = CopyInstallationWithout(temp, "libe_sqlite3.so");
        var db = Path.Combine(temp.Root, "index.db");
        PithProcess.Run(["import", "--db", db, "--quiet", Samples.Records]).AssertExit(0);

        string[][] indexing =
        [
            ["resolve", "--db", db, "2310.05918"],
            ["stats", "--db", db],
            ["import", "--db", Path.Combine(temp.Root, "other.db"), "--quiet", Samples.Records],
        ];
        AssertEachStopsInOneLine(indexing, broken, "cannot load SQLite");
        Assert.False(File.Exists(Path.Combine(temp.Root, "other.db")), "an import that cannot open an index must not create one");

        var verify = PithProcess.Run(["verify", Samples.Records], installation: broken);
        verify.AssertExit(0);
        Assert.Equal(3, verify.StdoutLines.Count(line => line.StartsWith("OK ", StringComparison.Ordinal)));
    }

    /// <summary>Each command, run from <paramref name="installation"/>, writes nothing to stdout and one line naming what is missing, exit 2.</summary>
    private static void AssertEachStopsInOneLine(string[][] commands, string installation, string missing)
    {
        foreach (var args in commands)
        {
            var result = PithProcess.Run(args, installation: installation);

            result.AssertExit(2);
            Assert.Empty(result.Stdout);
            var line = Assert.Single(result.StderrLines);
            Assert.StartsWith("pith: ", line, StringComparison.Ordinal);
            Assert.Contains(missing, line, StringComparison.Ordinal);
            result.AssertNoStackTrace();
        }
    }

    /// <summary>Copies what pith runs from (the native executable's folder, or pith.dll with its libraries) except <paramref name="left"/>.</summary>
    private static string CopyInstallationWithout(TempFolder temp, string left)
    {
        var source = PithProcess.InstallationDirectory;
        var target = Path.Combine(temp.Root, "installation");
        var files = PithProcess.Executable is not null
            ? Directory.GetFiles(source)
            : Directory.GetFiles(source, "*.dll").Concat(Directory.GetFiles(source, "pith.*"))
                .Concat(Directory.GetFiles(Path.Combine(source, "runtimes"), "*", SearchOption.AllDirectories)).Distinct();
        var copied = 0;
        foreach (var file in files)
        {
            if (Path.GetFileName(file) == left) continue;
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
            copied++;
        }
        Assert.True(copied > 0, $"nothing to copy from {source}");
        return target;
    }
}
