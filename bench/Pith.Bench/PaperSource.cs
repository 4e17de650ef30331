namespace Pith.Bench;

/// <summary>The arXiv paper a generated record is for: its id and version, and the month its id was issued.</summary>
public readonly record struct PaperSource(string Id, int Version, int Year, int Month);
