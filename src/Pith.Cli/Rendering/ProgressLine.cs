using Pith.Index.Import;

namespace Pith.Cli.Rendering;

/// <summary>One self-overwriting progress line on stderr (used only when stderr is a terminal).</summary>
public sealed class ProgressLine
{
    private int _width;

    public void Show(ImportProgress progress)
    {
        var seconds = progress.Elapsed.TotalSeconds;
        var rate = seconds > 0 ? progress.Inputs / seconds : 0;
        var files = progress.FilesTotal is { } total ? $"{progress.FilesDone}/{total} files" : $"{progress.FilesDone} files (counting)";
        var left = progress.FilesTotal is { } all && progress.FilesDone > 0 && all > progress.FilesDone
            ? $", about {TimeSpan.FromSeconds(seconds / progress.FilesDone * (all - progress.FilesDone)):hh\\:mm\\:ss} left"
            : "";
        Show($"importing: {files}, {progress.Inputs} inputs, {rate:0} records/s{left}");
    }

    /// <summary>Replaces the line with <paramref name="text"/>.</summary>
    public void Show(string text)
    {
        Console.Error.Write("\r" + text.PadRight(_width));
        _width = text.Length;
    }

    /// <summary>A progress line when stderr is a terminal and the user did not ask for quiet; otherwise none.</summary>
    public static ProgressLine? IfTerminal(bool quiet) => !quiet && !Console.IsErrorRedirected ? new ProgressLine() : null;

    public void Clear()
    {
        if (_width > 0) Console.Error.Write("\r" + new string(' ', _width) + "\r");
    }
}
