namespace Pith.Index.Stats;

/// <summary>One import run as the index recorded it: when, its counts, and its rejected inputs counted by the check that failed.</summary>
public sealed record ImportRunStats(
    long Id, string StartedAt, string? FinishedAt, long Imported, long Updated, long Unchanged, long Historical, long Noted, long Rejected,
    IReadOnlyList<(string Check, long Count)> RejectsByCheck);
