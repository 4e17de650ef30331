namespace Pith.Index.Import;

/// <summary>The counts of an import under way (written by the single writer only).</summary>
internal sealed class Tally(int maxRejects)
{
    private readonly List<Reject> _rejects = [];
    private readonly SortedDictionary<string, long> _byCheck = new(StringComparer.Ordinal);

    public long Imported { get; private set; }

    public long Updated { get; private set; }

    public long Unchanged { get; private set; }

    public long Historical { get; private set; }

    public long Noted { get; private set; }

    public long Variants { get; private set; }

    public long Rejected { get; private set; }

    public long Inputs => Imported + Updated + Unchanged + Historical + Noted + Variants + Rejected;

    public void Add(ImportOutcome outcome)
    {
        switch (outcome)
        {
            case ImportOutcome.Imported: Imported++; break;
            case ImportOutcome.Updated: Updated++; break;
            case ImportOutcome.Unchanged: Unchanged++; break;
            case ImportOutcome.Historical: Historical++; break;
            case ImportOutcome.Noted: Noted++; break;
            case ImportOutcome.Variant: Variants++; break;
            default: throw new ArgumentOutOfRangeException(nameof(outcome), "a rejection comes with its reason");
        }
    }

    public void Add(Reject reject)
    {
        Rejected++;
        _byCheck[reject.Check] = _byCheck.GetValueOrDefault(reject.Check) + 1;
        if (_rejects.Count < maxRejects) _rejects.Add(reject);
    }

    /// <summary>The summary, rejects in path and line order (they arrive in the order parallel workers finish).</summary>
    public ImportSummary Summary(long runId, TimeSpan elapsed, bool interrupted) =>
        new(runId, Imported, Updated, Unchanged, Historical, Rejected,
            [.. _rejects.OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Line)], _byCheck, elapsed, interrupted, Noted, Variants);
}
