namespace Pith.Index.Export;

/// <summary>
/// What an export wrote: current records, older copies, variants, kept bundles and state files (<c>record_documents</c>), how many
/// of all the lines are state files (unsigned: importing them back takes <c>--allow-unsigned</c>), and how many lines had
/// to be put on one line (see <see cref="ExportLine"/>).
/// </summary>
public sealed record ExportSummary(long Records, long HistoryCopies, long Documents, long StateFiles, long Reflowed, long Variants = 0);
