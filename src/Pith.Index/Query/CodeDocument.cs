namespace Pith.Index.Query;

/// <summary>
/// One document of the current record a 26-character code names, as stored: <see cref="Bytes"/> is null when the record is
/// indexed but no document of the type asked for was kept for it; <see cref="Sha256"/> is their SHA-256 as import stored it
/// (<c>bytes_sha256</c>, which <c>pith audit</c> checks against the bytes), null with them.
/// </summary>
public sealed record CodeDocument(string PithNumber, byte[]? Bytes, byte[]? Sha256);
