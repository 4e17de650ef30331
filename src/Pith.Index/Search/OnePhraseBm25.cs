using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static Pith.Index.Search.Fts5;

namespace Pith.Index.Search;

/// <summary>
/// <c>pith_bm25_one(records_fts, N)</c>, asked once (<c>LIMIT 1</c>): the best N rows of a query of one phrase, as a
/// blob of (rowid, score) pairs, 16 bytes each in this machine's order, best first: exactly the rows, order and scores
/// of <c>ORDER BY bm25(records_fts), rowid LIMIT N</c>. NULL when the query has more than one phrase, or N is more than
/// <see cref="TopBm25.MostKept"/>, or FTS5 is older than its API version 2: then <see cref="TopBm25"/> ranks the
/// query's rows instead.
/// </summary>
/// <remarks>
/// A query of one phrase is ranked in the one pass over the phrase's rows that bm25 makes anyway to count them for the
/// phrase's IDF (<c>xQueryPhrase</c>), so no row goes through SQLite's own loop and sorter, which cost more than the
/// pass itself for a word that many titles hold. The IDF is only known after the pass, but one phrase's IDF
/// weighs every row alike, so rows are compared by bm25's term before the IDF, and given bm25's exact score at the end.
/// A row is left out only when its term, even at the shortest length its matches allow, is below the Nth best by a
/// margin far wider than rounding (so the IDF cannot make it equal): every row that could tie at the cut is kept, and
/// the final order is by score, then rowid, as the query would give.
/// </remarks>
internal static unsafe class OnePhraseBm25
{
    public const string Name = "pith_bm25_one";

    // Far wider than a product's rounding (2^-53 relative), far narrower than any two lengths' terms differ.
    private const double Margin = 1e-9;

    private static readonly nint Transient = -1; // SQLITE_TRANSIENT: SQLite copies the blob

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    internal static void Rank(ExtensionApi* api, nint fts, nint context, int count, nint* values)
    {
        try
        {
            var best = count == 1 ? sqlite3_value_int(values[0]) : 0;
            if (best < 1)
            {
                sqlite3_result_error_code(context, SqliteMisuse);
                return;
            }
            if (api->iVersion < 2 || api->xPhraseCount(fts) != 1 || best > TopBm25.MostKept)
            {
                sqlite3_result_null(context);
                return;
            }
            var rc = Bm25.Table(api, fts, out var rows, out var averageSize);
            var pass = new Pass(best, averageSize);
            var handle = GCHandle.Alloc(pass);
            try
            {
                if (rc == SqliteOk) rc = api->xQueryPhrase(fts, 0, (void*)GCHandle.ToIntPtr(handle), &Visit);
            }
            finally
            {
                handle.Free();
            }
            if (rc != SqliteOk)
            {
                sqlite3_result_error_code(context, rc);
                return;
            }
            var ranked = pass.Ranked(Bm25.Idf(rows, pass.Hits));
            fixed (Hit* first = ranked)
            {
                sqlite3_result_blob(context, first, ranked.Length * sizeof(Hit), Transient);
            }
        }
        catch (OutOfMemoryException)
        {
            sqlite3_result_error_code(context, SqliteNoMem);
        }
    }

    // One row of the phrase: counted, and kept unless it cannot be among the best.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Visit(ExtensionApi* api, nint fts, void* state)
    {
        try
        {
            var pass = (Pass)GCHandle.FromIntPtr((nint)state).Target!;
            pass.Hits++;
            var last = -1;
            var rc = PhraseInstances(api, fts, 0, out var instances, ref last);
            if (rc != SqliteOk || pass.Beyond(instances, last + 1)) return rc;
            int size;
            rc = api->xColumnSize(fts, -1, &size);
            if (rc == SqliteOk) pass.Keep(api->xRowid(fts), instances, size);
            return rc;
        }
        catch (OutOfMemoryException)
        {
            return SqliteNoMem;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Hit
    {
        public long Row;
        public double Score;
    }

    private struct Candidate
    {
        public long Row;
        public int Frequency;
        public int Size;
        public double Term;
    }

    /// <summary>The pass over the phrase's rows: how many there are, the N best terms so far, and the rows kept.</summary>
    private sealed class Pass(int best, double averageSize)
    {
        // The N best terms so far, negated (the lowest values are the best terms): the Nth best is -_heap[0].
        private readonly double[] _heap = new double[best];
        private int _scored;
        private Candidate[] _kept = new Candidate[4 * best];
        private int _count;

        public long Hits;

        // Below the cut a term is worse than N kept rows' terms by more than the margin.
        private double Cut => _scored < best ? double.NegativeInfinity : -_heap[0] * (1 - Margin);

        /// <summary>Whether a row with this many matches is out even at <paramref name="shortest"/> tokens.</summary>
        public bool Beyond(int frequency, int shortest) => Bm25.Term(frequency, shortest, averageSize) < Cut;

        public void Keep(long row, int frequency, int size)
        {
            var term = Bm25.Term(frequency, size, averageSize);
            if (term < Cut) return;
            LowestValues.Keep(_heap, ref _scored, -term);
            if (_count == _kept.Length) Compact();
            _kept[_count++] = new Candidate { Row = row, Frequency = frequency, Size = size, Term = term };
        }

        /// <summary>The kept rows with bm25's own score, best first, then by rowid; at most N.</summary>
        public Hit[] Ranked(double idf)
        {
            var hits = new Hit[_count];
            for (var i = 0; i < _count; i++)
            {
                double frequency = _kept[i].Frequency;
                hits[i] = new Hit { Row = _kept[i].Row, Score = Bm25.Score(1, &idf, &frequency, _kept[i].Size, averageSize) };
            }
            Array.Sort(hits, static (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : a.Row.CompareTo(b.Row));
            return hits.Length > best ? hits[..best] : hits;
        }

        // Drops the kept rows now below the cut; when most are still above it (many equal terms), makes room for more.
        private void Compact()
        {
            var cut = Cut;
            var kept = 0;
            for (var i = 0; i < _count; i++)
            {
                if (_kept[i].Term >= cut) _kept[kept++] = _kept[i];
            }
            _count = kept;
            if (_count > _kept.Length / 2) Array.Resize(ref _kept, _kept.Length * 2);
        }
    }
}
