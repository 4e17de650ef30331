using Pith.Core.Verification;
using Pith.Inputs;

namespace Pith.Pipeline;

/// <summary>
/// What the pipeline found for one item: the document could not be read (<see cref="Unreadable"/>), its bytes are
/// stored already (<see cref="Known"/>, not verified again), or its verification <see cref="Result"/>.
/// </summary>
public sealed record DocumentVerdict<T>(T Item, InputDocument Document)
{
    public VerificationResult? Result { get; init; }

    public string? Unreadable { get; init; }

    public bool Known { get; init; }

    /// <summary>The SHA-256 of the bytes, when the pipeline hashes them.</summary>
    public byte[]? BytesSha256 { get; init; }

    /// <summary>An accepted document's bytes, when the consumer keeps them until it releases them.</summary>
    public DocumentBytes? Bytes { get; init; }

    /// <summary>The run was interrupted before this document was verified: it was dropped, unread or unchecked.</summary>
    internal bool Dropped { get; init; }

    /// <summary>The input order (a ticket of the byte budget too): which of two documents came first, whatever order they were done in.</summary>
    public long Sequence { get; internal init; }
}
