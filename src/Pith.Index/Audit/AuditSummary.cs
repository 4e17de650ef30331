namespace Pith.Index.Audit;

/// <summary>
/// What an audit covered: current records, older copies and kept bundles and state files (<c>record_documents</c>)
/// checked, how many of each failed, what is wrong with the index as a whole (its title search), how long it took.
/// </summary>
public sealed record AuditSummary(
    long Records, long HistoryCopies, long Documents, long FailedRecords, long FailedHistoryCopies, long FailedDocuments, TimeSpan Elapsed, bool Interrupted)
{
    /// <summary>Variants of records checked (<c>record_variants</c>), and how many failed.</summary>
    public long Variants { get; init; }

    public long FailedVariants { get; init; }

    public long Failed => FailedRecords + FailedHistoryCopies + FailedDocuments + FailedVariants;

    /// <summary>Problems of the index as a whole, as (check, reason): none when it is whole.</summary>
    public IReadOnlyList<(string Check, string Reason)> IndexProblems { get; init; } = [];

    public bool Sound => Failed == 0 && IndexProblems.Count == 0;
}
