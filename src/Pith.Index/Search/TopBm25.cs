using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static Pith.Index.Search.Fts5;

namespace Pith.Index.Search;

/// <summary>
/// <c>pith_bm25_top(records_fts, N)</c>: an FTS5 auxiliary function for choosing the best N rows by bm25. A row that can be
/// among them gets exactly what FTS5's own <c>bm25(records_fts)</c> gives it (k1 1.2, b 0.75, every column weighing 1:
/// bm25's arithmetic in bm25's order, on the same counts from FTS5); any other row gets +infinity, without its size
/// being read. Reading a row's size in tokens is FTS5 running a statement of its own for that row, most of the cost of
/// ranking a word that a tenth of all titles hold; here only the rows that might still be among the best pay it.
/// </summary>
/// <remarks>
/// The rule: bm25 only gets better as a row gets shorter, and a row is at least as long as its last match's position
/// plus one. So once N rows have been scored, a row whose score at that shortest length is still worse than the Nth
/// best so far is worse than N rows whatever its length, and cannot be among the best N; that holds in floating point
/// too (each step of the formula rounds monotonically). Only rows worse by the strict order are passed over, so equal
/// scores are left for the query's own tie-break, whatever order FTS5 gives the rows in.
/// </remarks>
internal static unsafe class TopBm25
{
    public const string Name = "pith_bm25_top";

    /// <summary>The most best scores kept; for a larger N (pith search --limit is unbounded) every row is scored.</summary>
    internal const int MostKept = 4096;

    /// <summary>
    /// What one query's rows share (FTS5 keeps it with the cursor, as bm25 keeps its own): the average size, and after
    /// this header each phrase's IDF, each phrase's frequency in the current row, and the best scores so far (a max-heap).
    /// </summary>
    private struct Shared
    {
        public int Phrases;
        public int Best;      // N, or 0 when N is more than MostKept: then no row is passed over
        public int Scored;    // how many of the heap's N places are filled
        public double AverageSize;
        public long LastRow;  // the row last ranked and what it got: were SQLite to ask twice for one row, the
        public double LastScore; // heap must not count it twice
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    internal static void Rank(ExtensionApi* api, nint fts, nint context, int count, nint* values)
    {
        try
        {
            var shared = (Shared*)api->xGetAuxdata(fts, 0);
            if (shared is null)
            {
                var best = count == 1 ? sqlite3_value_int(values[0]) : 0;
                var rc = best < 1 ? SqliteMisuse : Prepare(api, fts, best, out shared);
                if (rc != SqliteOk)
                {
                    sqlite3_result_error_code(context, rc);
                    return;
                }
            }
            var row = api->xRowid(fts);
            if (shared->LastRow == row)
            {
                sqlite3_result_double(context, shared->LastScore);
                return;
            }
            var idf = (double*)(shared + 1);
            var frequency = idf + shared->Phrases;
            var heap = frequency + shared->Phrases;
            int last = -1, status = SqliteOk;
            for (var i = 0; status == SqliteOk && i < shared->Phrases; i++)
            {
                status = PhraseInstances(api, fts, i, out var instances, ref last);
                frequency[i] = instances;
            }
            if (status != SqliteOk)
            {
                sqlite3_result_error_code(context, status);
                return;
            }
            if (shared->Best > 0 && shared->Scored == shared->Best && Score(shared, idf, frequency, last + 1) > heap[0])
            {
                Answer(shared, context, row, double.PositiveInfinity);
                return;
            }
            int size;
            status = api->xColumnSize(fts, -1, &size);
            if (status != SqliteOk)
            {
                sqlite3_result_error_code(context, status);
                return;
            }
            var score = Score(shared, idf, frequency, size);
            Keep(shared, heap, score);
            Answer(shared, context, row, score);
        }
        catch (OutOfMemoryException)
        {
            sqlite3_result_error_code(context, SqliteNoMem);
        }
    }

    private static void Answer(Shared* shared, nint context, long row, double score)
    {
        shared->LastRow = row;
        shared->LastScore = score;
        sqlite3_result_double(context, score);
    }

    private static double Score(Shared* shared, double* idf, double* frequency, int size) =>
        Bm25.Score(shared->Phrases, idf, frequency, size, shared->AverageSize);

    // The N best (lowest) scores so far, the worst of them at heap[0]; none kept when every row is scored.
    private static void Keep(Shared* shared, double* heap, double score) =>
        LowestValues.Keep(new Span<double>(heap, shared->Best), ref shared->Scored, score);

    // As fts5Bm25GetData: the table's average row size, and each phrase's IDF from the number of rows holding it.
    private static int Prepare(ExtensionApi* api, nint fts, int best, out Shared* shared)
    {
        shared = null;
        if (best > MostKept) best = 0;
        var phrases = api->xPhraseCount(fts);
        var block = (Shared*)NativeMemory.AllocZeroed((nuint)sizeof(Shared) + (nuint)(2L * phrases + best) * sizeof(double));
        block->Phrases = phrases;
        block->Best = best;
        block->LastRow = long.MinValue;
        var rc = Bm25.Table(api, fts, out var rows, out block->AverageSize);
        var idf = (double*)(block + 1);
        for (var i = 0; rc == SqliteOk && i < phrases; i++)
        {
            long hits = 0;
            rc = api->xQueryPhrase(fts, i, &hits, &CountRow);
            idf[i] = Bm25.Idf(rows, hits);
        }
        if (rc == SqliteOk) rc = api->xSetAuxdata(fts, block, &Free);
        else NativeMemory.Free(block);
        if (rc == SqliteOk) shared = block;
        return rc;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int CountRow(ExtensionApi* api, nint fts, void* hits)
    {
        (*(long*)hits)++;
        return SqliteOk;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Free(void* block) => NativeMemory.Free(block);
}
