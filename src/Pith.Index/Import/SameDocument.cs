using Pith.Core.Documents;

namespace Pith.Index.Import;

/// <summary>
/// Whether an incoming document is already among a record's stored copies: the same bytes, or else the same JSON value
/// (<see cref="DocumentValue"/>), which is computed only when some stored copy has other bytes.
/// </summary>
internal static class SameDocument
{
    public static bool AmongStored(ReadOnlyMemory<byte> document, ReadOnlySpan<byte> bytesSha256, IReadOnlyList<(byte[] BytesSha256, byte[] Original)> stored)
    {
        foreach (var copy in stored)
        {
            if (copy.BytesSha256.AsSpan().SequenceEqual(bytesSha256)) return true;
        }
        if (stored.Count == 0 || DocumentValue.Sha256(document) is not { } value) return false;
        foreach (var copy in stored)
        {
            if (DocumentValue.Sha256(copy.Original) is { } theirs && theirs.AsSpan().SequenceEqual(value)) return true;
        }
        return false;
    }
}
