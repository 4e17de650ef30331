using Pith.Core.Verification;
using Pith.Inputs;

namespace Pith.Pipeline;

/// <summary>
/// The one way documents get verified, whoever consumes the verdicts (verify, import, audit): a producer walks the
/// items in order, workers read, hash and verify them in parallel, and the consumer takes the verdicts, through bounded
/// channels and within a byte budget, whatever the number and size of the documents.
/// </summary>
public sealed class VerificationPipeline(RecordVerifier verifier, PipelineOptions options)
{
    public PipelineOptions Options { get; } = options;

    /// <summary>Starts verifying the documents of <paramref name="items"/> (enumerated once, on a thread of the pipeline's own).</summary>
    public PipelineRun<T> Start<T>(IEnumerable<T> items, Func<T, InputDocument> document, CancellationToken cancel = default) =>
        new(verifier, Options, items, document, cancel);

    /// <summary>Starts verifying the documents the inputs hold.</summary>
    public PipelineRun<InputDocument> Start(IEnumerable<InputDocument> documents, CancellationToken cancel = default) =>
        Start(documents, static document => document, cancel);
}
