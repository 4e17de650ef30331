namespace Pith.Index.Search;

/// <summary>
/// bm25 as FTS5's own <c>bm25(records_fts)</c> computes it (<c>fts5Bm25Function</c>: k1 1.2, b 0.75, every column
/// weighing 1), step for step, so that pith's ranking functions give exactly its scores.
/// </summary>
internal static unsafe class Bm25
{
    private const double K1 = 1.2, B = 0.75;

    /// <summary>As <c>fts5Bm25GetData</c>: the rows of the whole table and their average size in tokens.</summary>
    public static int Table(Fts5.ExtensionApi* api, nint fts, out long rows, out double averageSize)
    {
        long count = 0, tokens = 0;
        var rc = api->xRowCount(fts, &count);
        if (rc == Fts5.SqliteOk) rc = api->xColumnTotalSize(fts, -1, &tokens);
        rows = count;
        averageSize = (double)tokens / (double)count;
        return rc;
    }

    /// <summary>How much a phrase that <paramref name="hits"/> of <paramref name="rows"/> rows hold weighs.</summary>
    public static double Idf(long rows, long hits)
    {
        var weight = Math.Log((rows - hits + 0.5) / (hits + 0.5));
        return weight <= 0.0 ? 1e-6 : weight;
    }

    /// <summary>
    /// One phrase's part of a row's score before its IDF weighs it: it only grows with <paramref name="frequency"/> and
    /// only shrinks as <paramref name="size"/> grows, in floating point too (each step rounds monotonically).
    /// </summary>
    public static double Term(double frequency, int size, double averageSize) =>
        (frequency * (K1 + 1.0)) / (frequency + K1 * (1 - B + B * (double)size / averageSize));

    /// <summary>The score of a row (lower is better): the phrases' terms weighed and summed in bm25's order.</summary>
    public static double Score(int phrases, double* idf, double* frequency, int size, double averageSize)
    {
        var score = 0.0;
        for (var i = 0; i < phrases; i++) score += idf[i] * Term(frequency[i], size, averageSize);
        return -1.0 * score;
    }
}
