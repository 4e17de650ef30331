namespace Pith.Inputs;

/// <summary>Counts the files the paths name in the background, so that progress can show a total and a time left.</summary>
public sealed class FileCounter
{
    private long _total = -1;

    /// <summary>The number of files (a JSON Lines file counts once), or null while still counting.</summary>
    public long? Total => Volatile.Read(ref _total) is var total and >= 0 ? total : null;

    public static FileCounter Start(IReadOnlyList<string> paths, CancellationToken cancel)
    {
        var counter = new FileCounter();
        _ = Task.Run(() =>
        {
            var count = 0L;
            foreach (var item in InputWalker.Expand(paths))
            {
                if (cancel.IsCancellationRequested) return;
                if (item.Input is not null) count++;
            }
            Volatile.Write(ref counter._total, count);
        }, cancel);
        return counter;
    }
}
