namespace Pith.Index.Search;

/// <summary>One record whose title matched: its place in the ranking (1 is best), its bm25 score (lower is better) and what identifies it.</summary>
public sealed record SearchHit(int Rank, double Score, string PithNumber, string SourceId, long SourceVersion, string? Title);
