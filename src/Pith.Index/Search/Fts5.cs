using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Pith.Index.Search;

/// <summary>
/// The parts of SQLite's FTS5 extension API (<c>sqlite3.h</c>) that pith's ranking functions use, and their registration
/// on a connection: <see cref="TopBm25"/> and <see cref="OnePhraseBm25"/>.
/// </summary>
internal static unsafe partial class Fts5
{
    private const string Library = "e_sqlite3";
    public const int SqliteOk = 0, SqliteNoMem = 7, SqliteMisuse = 21;

    // Connections they are registered on: FTS5 keeps every registration until the connection closes, and a server
    // searches many times on one connection.
    private static readonly ConditionalWeakTable<sqlite3, object> Registered = new();

    /// <summary>Registers pith's ranking functions on <paramref name="connection"/> (open), once.</summary>
    public static void Register(SqliteConnection connection)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        lock (Registered)
        {
            if (Registered.TryGetValue(handle, out _)) return;
            var api = Api(handle.DangerousGetHandle());
            fixed (byte* top = "pith_bm25_top\0"u8, one = "pith_bm25_one\0"u8)
            {
                Check(api->xCreateFunction(api, top, null, &TopBm25.Rank, null), "registering " + TopBm25.Name);
                Check(api->xCreateFunction(api, one, null, &OnePhraseBm25.Rank, null), "registering " + OnePhraseBm25.Name);
            }
            Registered.Add(handle, new object());
        }
    }

    // FTS5 hands out its API through a pointer bound to SELECT fts5(?1) (https://sqlite.org/fts5.html#extending_fts5).
    private static ApiTable* Api(nint db)
    {
        nint statement;
        fixed (byte* sql = "SELECT fts5(?1)\0"u8)
        {
            Check(sqlite3_prepare_v2(db, sql, -1, &statement, null), "preparing SELECT fts5(?1)");
        }
        ApiTable* api = null;
        try
        {
            fixed (byte* type = "fts5_api_ptr\0"u8)
            {
                Check(sqlite3_bind_pointer(statement, 1, &api, type, null), "binding fts5_api_ptr");
                sqlite3_step(statement);
            }
        }
        finally
        {
            sqlite3_finalize(statement);
        }
        return api is not null && api->iVersion >= 2 ? api : throw new InvalidOperationException("this SQLite has no FTS5 API of version 2 or later");
    }

    /// <summary>
    /// How many times phrase <paramref name="phrase"/> occurs in the current row; <paramref name="last"/> rises to the
    /// greatest token position among them. The positions are read in place (xInst would first copy every phrase's into
    /// an array of its own). Returns SQLite's status.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PhraseInstances(ExtensionApi* api, nint fts, int phrase, out int instances, ref int last)
    {
        int column, offset, count = 0;
        PhraseIter positions;
        var rc = api->xPhraseFirst(fts, phrase, &positions, &column, &offset);
        for (; rc == SqliteOk && column >= 0; api->xPhraseNext(fts, &positions, &column, &offset))
        {
            count++;
            last = Math.Max(last, offset);
        }
        instances = count;
        return rc;
    }

    private static void Check(int rc, string what)
    {
        if (rc != SqliteOk) throw new InvalidOperationException($"SQLite error {rc} {what}");
    }

    // sqlite3.h's Fts5ExtensionApi and fts5_api, the members used here in their order (they only ever grow at the end).
    // The calls made for every row neither block nor call back, so they skip the GC transition.
    [StructLayout(LayoutKind.Sequential)]
    public struct ExtensionApi
    {
        public int iVersion;
        public nint xUserData;
        public nint xColumnCount;
        public delegate* unmanaged[Cdecl]<nint, long*, int> xRowCount;
        public delegate* unmanaged[Cdecl]<nint, int, long*, int> xColumnTotalSize;
        public nint xTokenize;
        public delegate* unmanaged[Cdecl]<nint, int> xPhraseCount;
        public nint xPhraseSize;
        public nint xInstCount;
        public nint xInst;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, long> xRowid;
        public nint xColumnText;
        public delegate* unmanaged[Cdecl]<nint, int, int*, int> xColumnSize;
        public delegate* unmanaged[Cdecl]<nint, int, void*, delegate* unmanaged[Cdecl]<ExtensionApi*, nint, void*, int>, int> xQueryPhrase;
        public delegate* unmanaged[Cdecl]<nint, void*, delegate* unmanaged[Cdecl]<void*, void>, int> xSetAuxdata;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, void*> xGetAuxdata;
        // Version 2 on.
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int, PhraseIter*, int*, int*, int> xPhraseFirst;
        public delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, PhraseIter*, int*, int*, void> xPhraseNext;
    }

    /// <summary>sqlite3.h's Fts5PhraseIter: where xPhraseNext goes on in a row's positions.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PhraseIter
    {
        public nint A;
        public nint B;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ApiTable
    {
        public int iVersion;
        public nint xCreateTokenizer;
        public nint xFindTokenizer;
        public delegate* unmanaged[Cdecl]<ApiTable*, byte*, void*, delegate* unmanaged[Cdecl]<ExtensionApi*, nint, nint, int, nint*, void>, delegate* unmanaged[Cdecl]<void*, void>, int> xCreateFunction;
    }

    // The same library SQLitePCLRaw loads (e_sqlite3, beside pith), for the calls it does not offer.
    [LibraryImport(Library)]
    private static partial int sqlite3_prepare_v2(nint db, byte* sql, int bytes, nint* statement, byte** tail);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_pointer(nint statement, int index, void* pointer, byte* type, delegate* unmanaged[Cdecl]<void*, void> destroy);

    [LibraryImport(Library)]
    private static partial int sqlite3_step(nint statement);

    [LibraryImport(Library)]
    private static partial int sqlite3_finalize(nint statement);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int sqlite3_value_int(nint value);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial void sqlite3_result_double(nint context, double value);

    [LibraryImport(Library)]
    public static partial void sqlite3_result_error_code(nint context, int code);

    [LibraryImport(Library)]
    public static partial void sqlite3_result_blob(nint context, void* blob, int bytes, nint destroy);

    [LibraryImport(Library)]
    public static partial void sqlite3_result_null(nint context);
}
