namespace Pith.Index.Stats;

/// <summary>
/// One import run as the index recorded it: when, whether SIGINT or SIGTERM stopped it, its counts, and its rejected
/// inputs counted by the check that failed. A run with no <paramref name="FinishedAt"/> was killed (or is still running).
/// </summary>
public sealed record ImportRunStats(
    long Id, string StartedAt, string? FinishedAt, bool Interrupted, long Imported, long Updated, long Unchanged, long Historical, long Noted, long Rejected,
    IReadOnlyList<(string Check, long Count)> RejectsByCheck, long Variants = 0);
