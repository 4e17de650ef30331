namespace Pith.Index.Audit;

/// <summary>How far an audit has come: stored copies checked of the total, failures so far, time spent.</summary>
public readonly record struct AuditProgress(long Done, long Total, long Failed, TimeSpan Elapsed);
