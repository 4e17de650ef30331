using Xunit;

namespace Pith.Cli.Tests.Installation;

/// <summary>
/// pith calls the SQLite it ships (libe_sqlite3.so beside the executable), not a library of the name the runtime asks
/// for first (e_sqlite3.so) that the dynamic loader finds on the library path.
/// </summary>
public sealed class ShippedSqliteTests
{
    [Fact]
    public void A_library_named_e_sqlite3_on_the_library_path_is_not_loaded_in_place_of_pith_own()
    {
        using var temp = new TempFolder();
        // A real shared library without SQLite's functions: loaded in place of SQLite, pith's first call into it fails.
        var planted = Path.Combine(temp.Root, "lib");
        Directory.CreateDirectory(planted);
        File.Copy(Libsodium(), Path.Combine(planted, "e_sqlite3.so"));
        var environment = new Dictionary<string, string?> { ["LD_LIBRARY_PATH"] = planted };
        var db = Path.Combine(temp.Root, "index.db");

        PithProcess.Run(["import", "--db", db, "--quiet", Samples.Records], environment: environment).AssertExit(0);
        var resolve = PithProcess.Run(["resolve", "--db", db, "2310.05918"], environment: environment);

        resolve.AssertExit(0);
        Assert.Equal(["pith:2023:3V7SYW4G2357KRLWH4ESWW6RSL"], resolve.StdoutLines);
        Assert.Empty(resolve.Stderr);
    }

    private static string Libsodium()
    {
        var installation = PithProcess.InstallationDirectory;
        var beside = Path.Combine(installation, "libsodium.so");
        return File.Exists(beside) ? beside : Path.Combine(installation, "runtimes", "linux-x64", "native", "libsodium.so");
    }
}
