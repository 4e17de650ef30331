namespace Pith.Index.Query;

/// <summary>
/// One document of the current record a 26-character code names, as stored: <see cref="Bytes"/> is null when the record is
/// indexed but no document of the type asked for was kept for it.
/// </summary>
public sealed record CodeDocument(string PithNumber, byte[]? Bytes);
