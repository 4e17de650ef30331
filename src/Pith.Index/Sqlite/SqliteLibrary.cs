using System.Reflection;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace Pith.Index.Sqlite;

/// <summary>
/// Loads SQLite once, before either driver calls it, by the name of the file pith ships (<c>libe_sqlite3.so</c>), which
/// the runtime looks for where the application's native libraries are first: beside the native executable, or in the
/// packages' folders of a <c>dotnet pith.dll</c> run.
/// </summary>
/// <remarks>
/// Asked for <c>e_sqlite3</c>, the runtime tries <c>e_sqlite3.so</c> first, which the dynamic loader looks for on the
/// library path and in some 70 system folders before <c>libe_sqlite3.so</c> is tried: a library of that name anywhere
/// there was loaded in place of pith's own, and every command paid for the search at start.
/// </remarks>
internal static class SqliteLibrary
{
    private const string Name = "e_sqlite3";
    private const string FileName = "libe_sqlite3.so";

    static SqliteLibrary()
    {
        NativeLibrary.SetDllImportResolver(typeof(SQLite3Provider_e_sqlite3).Assembly, Resolve);
        Batteries_V2.Init();
    }

    /// <summary>Makes SQLite ready to call; the first call loads it, later calls do nothing.</summary>
    public static void Init()
    {
        // The work is in the static constructor, which the runtime runs once, and before any other thread proceeds.
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? paths)
    {
        if (name != Name) return IntPtr.Zero;
        return NativeLibrary.TryLoad(FileName, assembly, paths, out var handle) ? handle : IntPtr.Zero;
    }
}
