namespace Pith.Pipeline;

/// <summary>How a <see cref="VerificationPipeline"/> runs: its parallelism, the sizes of its queues, what it checks besides verifying.</summary>
public sealed record PipelineOptions
{
    /// <summary>Workers reading, hashing and verifying in parallel.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Documents waiting for a worker: a folder walk runs this far ahead, so that the workers do not wait on it when it
    /// gets less CPU for a while. Each waiting path costs a few hundred bytes, which a re-import, whose workers only hash,
    /// holds all the time: a longer queue is memory for nothing.
    /// </summary>
    public int InputQueue { get; init; } = 2_048;

    /// <summary>
    /// Files handed to a worker at once: handed one by one, every file taken woke the walk waiting for room, and that cost
    /// 2% of an import's CPU. Documents already read (lines, standard input) go one by one, so none waits for more input.
    /// </summary>
    public int InputBatch { get; init; } = 64;

    /// <summary>
    /// Verdicts waiting for the consumer: room for a writer's commit (a fifth of a second of an import's verdicts), so that
    /// the workers go on meanwhile. No more than that: an import's verdicts hold their documents' bytes until written, and
    /// a disk slow to sync fills the queue, and memory with it.
    /// </summary>
    public int OutputQueue { get; init; } = 2_048;

    /// <summary>
    /// Bytes of documents held at once, from reading to the consumer's release (see <see cref="Inputs.ByteBudget"/>):
    /// twice the largest record, and thousands of typical ones. It is what a busy machine fills while the writer lags,
    /// so it bounds an import's peak memory.
    /// </summary>
    public long ByteBudget { get; init; } = 32L << 20;

    /// <summary>Verdicts come out in input order (verify, audit) rather than as they are done (import).</summary>
    public bool InOrder { get; init; }

    /// <summary>The SHA-256 of each document's bytes is computed and handed on (<see cref="DocumentVerdict{T}.BytesSha256"/>).</summary>
    public bool HashBytes { get; init; }

    /// <summary>
    /// Whether bytes with this SHA-256 are stored already: such a document is not verified again
    /// (<see cref="DocumentVerdict{T}.Known"/>). Implies <see cref="HashBytes"/>.
    /// </summary>
    public Func<ReadOnlySpan<byte>, bool>? IsKnown { get; init; }

    /// <summary>
    /// An accepted document's bytes go on to the consumer, which gives them back with <see cref="PipelineRun{T}.Release"/>
    /// once written (import); otherwise the worker gives them back as soon as it has verified them.
    /// </summary>
    public bool KeepAcceptedBytes { get; init; }

    /// <summary>
    /// Each result keeps only the checks that decide its verdict (<see cref="Core.Verification.VerificationResult.WithDecidingChecks"/>):
    /// for a consumer that reports no check of an accepted document (import). Verdicts wait in the queues by the thousand
    /// when the consumer falls behind (a slow disk), and the forty checks of each would be most of their memory.
    /// </summary>
    public bool DecidingChecksOnly { get; init; }

    /// <summary>Accept a consistent state file, which carries no receipt (for <see cref="KeepAcceptedBytes"/>).</summary>
    public bool AllowUnsigned { get; init; }
}
