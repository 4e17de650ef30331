namespace Pith.Index.Export;

/// <summary>What an export wrote: current records, older copies, and how many of them had to be put on one line (see <see cref="ExportLine"/>).</summary>
public sealed record ExportSummary(long Records, long HistoryCopies, long Reflowed);
