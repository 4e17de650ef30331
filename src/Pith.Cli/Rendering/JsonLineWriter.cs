using System.Text.Json;

namespace Pith.Cli.Rendering;

/// <summary>Writes JSON objects to stdout one per line (JSON Lines), each flushed whole.</summary>
public sealed class JsonLineWriter(StreamWriter output) : IDisposable
{
    private readonly Utf8JsonWriter _json = new(output.BaseStream, Pith.Index.JsonOutput.WriterOptions);

    public void Write(Action<Utf8JsonWriter> write)
    {
        // Text written through the StreamWriter before this line goes out first.
        output.Flush();
        write(_json);
        _json.Flush();
        _json.Reset();
        output.BaseStream.WriteByte((byte)'\n');
    }

    public void Dispose() => _json.Dispose();
}
