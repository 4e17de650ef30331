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

    private static readonly Lock Gate = new();
    private static bool _resolverSet;
    private static volatile bool _loaded;

    /// <summary>
    /// Makes SQLite ready to call; later calls do nothing. Throws <see cref="IndexUnavailableException"/> with one line
    /// for the user when the library cannot be loaded (a broken installation).
    /// </summary>
    public static void Init()
    {
        if (_loaded) return;
        lock (Gate)
        {
            if (_loaded) return;
            if (!_resolverSet)
            {
                NativeLibrary.SetDllImportResolver(typeof(SQLite3Provider_e_sqlite3).Assembly, Resolve);
                _resolverSet = true;
            }
            try
            {
                Batteries_V2.Init();
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                // The loader's own message lists every path it tried, over several lines: too much for one line.
                var cause = e is DllNotFoundException ? "not found" : e.Message.Split('\n')[0].Trim().TrimEnd('.');
                throw new IndexUnavailableException(
                    $"cannot load SQLite, which pith needs for its index ({cause}): it ships with pith, as {FileName} beside the executable; reinstall pith.", e);
            }
            _loaded = true;
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? paths)
    {
        if (name != Name) return IntPtr.Zero;
        return NativeLibrary.TryLoad(FileName, assembly, paths, out var handle) ? handle : IntPtr.Zero;
    }
}
