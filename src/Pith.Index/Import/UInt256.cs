namespace Pith.Index.Import;

/// <summary>A SHA-256 as a value, for a compact set of the byte hashes already stored.</summary>
internal readonly record struct UInt256(ulong A, ulong B, ulong C, ulong D)
{
    public UInt256(ReadOnlySpan<byte> sha)
        : this(BitConverter.ToUInt64(sha), BitConverter.ToUInt64(sha[8..]), BitConverter.ToUInt64(sha[16..]), BitConverter.ToUInt64(sha[24..]))
    {
    }
}
