using Pith.Pipeline;

namespace Pith.Index.Import;

/// <summary>How an import runs.</summary>
public sealed record ImportOptions
{
    /// <summary>The verification pipeline's workers, queues and byte budget; the importer sets what it checks.</summary>
    public PipelineOptions Pipeline { get; init; } = new();

    /// <summary>
    /// Records written per transaction: a crash loses at most the batch under way, which a rerun redoes. A batch fits the
    /// writer's 32 MiB page cache, so that SQLite does not spill pages mid-transaction.
    /// </summary>
    public int BatchSize { get; init; } = 2_500;

    /// <summary>Longest time between commits, so that a slow trickle of input is still committed.</summary>
    public TimeSpan BatchTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Index state files, which carry no receipt, when they are consistent (marked unsigned in the index).</summary>
    public bool AllowUnsigned { get; init; }

    /// <summary>This machine's clock: an updated_at later than it (plus <see cref="Core.Verification.RecordRecency.ClockSkew"/>) is not believed.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>At most this many rejects are kept in memory for the summary; all are stored in the index.</summary>
    public int MaxRejectsInSummary { get; init; } = 100_000;
}
