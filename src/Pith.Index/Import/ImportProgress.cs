namespace Pith.Index.Import;

/// <summary>A progress report: files finished of all found so far (<see cref="FilesTotal"/> is null until counted).</summary>
public sealed record ImportProgress(long FilesDone, long? FilesTotal, long Inputs, TimeSpan Elapsed);
