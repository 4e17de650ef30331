using Pith.Core.Verification;

namespace Pith.Server;

/// <summary>What every request handler works with: the index's sessions and the verifier record pages re-verify with.</summary>
public sealed class ServedIndex(IndexPool pool, RecordVerifier verifier)
{
    public IndexPool Pool { get; } = pool;

    public RecordVerifier Verifier { get; } = verifier;
}
