namespace Pith.Index.Audit;

/// <summary>
/// What an audit covered: current records, older copies and kept bundles and state files (<c>record_documents</c>)
/// checked, how many of each failed, how long it took.
/// </summary>
public sealed record AuditSummary(
    long Records, long HistoryCopies, long Documents, long FailedRecords, long FailedHistoryCopies, long FailedDocuments, TimeSpan Elapsed, bool Interrupted)
{
    public long Failed => FailedRecords + FailedHistoryCopies + FailedDocuments;
}
