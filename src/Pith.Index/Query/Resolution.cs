using Pith.Core.Identifiers;

namespace Pith.Index.Query;

/// <summary>
/// What one alias resolved to: the text as given, how it was understood (null when it was not understood), the
/// outcome, the matching records and, unless resolved, a one-line reason.
/// </summary>
public sealed record Resolution(string Text, AliasQuery? Query, ResolutionStatus Status, IReadOnlyList<RecordMatch> Matches, string? Reason);
