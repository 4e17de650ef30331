namespace Pith.Pipeline;

/// <summary>A document's bytes between reading and their release: the first <see cref="Length"/> bytes of the array.</summary>
public readonly record struct DocumentBytes(byte[] Array, int Length, bool Rented)
{
    public ReadOnlyMemory<byte> Memory => Array.AsMemory(0, Length);
}
