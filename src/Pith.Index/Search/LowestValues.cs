namespace Pith.Index.Search;

/// <summary>
/// The lowest values seen so far, as many as the heap holds, in a max-heap: the highest of them at [0], so that a new
/// value is compared with that one alone. The ranking functions keep the best scores (or negated terms) in one.
/// </summary>
internal static class LowestValues
{
    /// <summary>Adds <paramref name="value"/> if the heap has room or it is lower than the highest kept; <paramref name="filled"/> counts the places taken.</summary>
    public static void Keep(Span<double> heap, ref int filled, double value)
    {
        if (filled < heap.Length)
        {
            var i = filled++;
            heap[i] = value;
            while (i > 0 && heap[(i - 1) / 2] < heap[i])
            {
                (heap[(i - 1) / 2], heap[i]) = (heap[i], heap[(i - 1) / 2]);
                i = (i - 1) / 2;
            }
            return;
        }
        if (heap.Length == 0 || value >= heap[0]) return;
        heap[0] = value;
        for (var i = 0; ;)
        {
            int left = 2 * i + 1, right = left + 1, highest = i;
            if (left < heap.Length && heap[left] > heap[highest]) highest = left;
            if (right < heap.Length && heap[right] > heap[highest]) highest = right;
            if (highest == i) return;
            (heap[highest], heap[i]) = (heap[i], heap[highest]);
            i = highest;
        }
    }
}
