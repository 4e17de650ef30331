namespace Pith.Index.Import;

/// <summary>
/// What an import did: every input is counted in exactly one of the outcomes. Interrupted: stopped early (Ctrl-C).
/// Noted: bundles and state files of records already stored, and records stored until then from those alone.
/// Variants: copies kept as variants (see <see cref="ImportOutcome.Variant"/>).
/// </summary>
public sealed record ImportSummary(
    long RunId,
    long Imported,
    long Updated,
    long Unchanged,
    long Historical,
    long Rejected,
    IReadOnlyList<Reject> Rejects,
    IReadOnlyDictionary<string, long> RejectedByCheck,
    TimeSpan Elapsed,
    bool Interrupted,
    long Noted = 0,
    long Variants = 0)
{
    public long Inputs => Imported + Updated + Unchanged + Historical + Noted + Variants + Rejected;

    /// <summary>Why the run stopped before its inputs ended (a feed that could not be read); null when it did not.</summary>
    public string? Failure { get; init; }

    public double RecordsPerSecond => Elapsed.TotalSeconds > 0 ? Inputs / Elapsed.TotalSeconds : 0;
}
