namespace Pith.Index.Audit;

/// <summary>What an audit covered: current records and older copies checked, how many of each failed, how long it took.</summary>
public sealed record AuditSummary(long Records, long HistoryCopies, long FailedRecords, long FailedHistoryCopies, TimeSpan Elapsed, bool Interrupted)
{
    public long Failed => FailedRecords + FailedHistoryCopies;
}
