using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pith.Bench;

/// <summary>
/// What a benchmark found: its figures and facts (corpus, derived numbers), plus the machine it ran on, written for
/// a person or as one JSON object. The machine facts are read when the report is written, so the peak working set
/// covers the whole run.
/// </summary>
public sealed class Report(string benchmark)
{
    private readonly List<Figure> _figures = [];
    private readonly List<(string Key, string Label, JsonNode Value, string Text)> _facts = [];
    private readonly List<(string Key, string Label, JsonNode Value, string Text)> _derived = [];
    private readonly List<(string Heading, int Index)> _headings = [];
    private readonly List<(string Heading, int Index)> _derivedHeadings = [];
    private readonly string? _loadAtStart = LoadAverage();

    public string Benchmark { get; } = benchmark;

    public Figure Add(Figure figure)
    {
        _figures.Add(figure);
        return figure;
    }

    /// <summary>A heading printed (in the text form only) before the figures added after it.</summary>
    public void Heading(string text) => _headings.Add((text, _figures.Count));

    /// <summary>A fact about the run (corpus, settings), printed before the figures.</summary>
    public void Fact(string key, string label, JsonNode value, string text) => _facts.Add((key, label, value, text));

    /// <summary>A number worked out from the figures, printed after them.</summary>
    public void Derived(string key, string label, JsonNode value, string text) => _derived.Add((key, label, value, text));

    /// <summary>A heading printed (in the text form only, after a blank line) before the derived numbers added after it.</summary>
    public void DerivedHeading(string text) => _derivedHeadings.Add((text, _derived.Count));

    public void WriteText(TextWriter output)
    {
        output.WriteLine($"pith bench: {Benchmark}");
        foreach (var (_, label, _, text) in _facts.Concat(Machine()).Where(f => f.Label.Length > 0)) output.WriteLine($"  {label,-36}{text}");
        output.WriteLine();
        // A bench of derived figures only (resolve) has no table of rates.
        if (_figures.Count > 0)
        {
            output.WriteLine(Row("", "per second", "µs each", "bytes each", "GC pause", "count", "seconds", "cores used", "by others"));
            for (var i = 0; i < _figures.Count; i++)
            {
                foreach (var (heading, _) in _headings.Where(h => h.Index == i)) output.WriteLine("  " + heading);
                var f = _figures[i];
                output.WriteLine(Row("  " + f.Label, Number(f.PerSecond, 0), Number(f.MicrosecondsPerOperation, 1),
                    Number(f.BytesAllocatedPerOperation, 0), Number(100 * f.GcPauseShare, 1) + "%", Number(f.Operations, 0),
                    Number(f.Elapsed.TotalSeconds, 2), Number(f.CoresBusy, 2), Others(f))
                    + (f.Threads > 1 ? $"   = {Number(f.PerSecondPerThread, 0)}/s per thread" : ""));
            }
            output.WriteLine("  (µs each: time one thread spends per operation; bytes each: managed allocation per operation;");
            output.WriteLine("   GC pause: share of the run the collector had the threads stopped;");
            output.WriteLine("   cores used: this process's CPU time / wall time; by others: other processes' CPU time / wall time)");
            foreach (var f in _figures.Where(Contended))
                output.WriteLine($"  WARNING: '{f.Label}' shared the machine (cores used {Number(f.CoresBusy, 2)} of {f.Threads}, by others {Others(f)}): rerun when quiet");
        }
        if (_derived.Count > 0 && _figures.Count > 0) output.WriteLine();
        for (var i = 0; i < _derived.Count; i++)
        {
            foreach (var (heading, _) in _derivedHeadings.Where(h => h.Index == i))
            {
                output.WriteLine();
                output.WriteLine("  " + heading);
            }
            var (_, label, _, text) = _derived[i];
            if (label.Length > 0) output.WriteLine($"  {label,-36}{text}");
        }
    }

    public void WriteJson(Stream output)
    {
        var json = new JsonObject { ["benchmark"] = Benchmark };
        foreach (var (key, _, value, _) in _facts.Concat(_derived).Concat(Machine())) json[key] = value.DeepClone();
        var figures = new JsonObject();
        foreach (var f in _figures)
        {
            figures[f.Key] = new JsonObject
            {
                ["label"] = f.Label,
                ["threads"] = f.Threads,
                ["operations"] = f.Operations,
                ["seconds"] = Math.Round(f.Elapsed.TotalSeconds, 4),
                ["per_second"] = Math.Round(f.PerSecond, 1),
                ["per_second_per_thread"] = Math.Round(f.PerSecondPerThread, 1),
                ["microseconds_per_operation"] = Math.Round(f.MicrosecondsPerOperation, 2),
                ["bytes_allocated_per_operation"] = Math.Round(f.BytesAllocatedPerOperation),
                ["gc_pause_seconds"] = Math.Round(f.GcPause.TotalSeconds, 4),
                ["cores_busy"] = Math.Round(f.CoresBusy, 2),
                ["other_processes_cores_busy"] = f.OtherCoresBusy is { } o ? Math.Round(o, 2) : null,
                ["warm_up_seconds"] = Math.Round(f.WarmUp.TotalSeconds, 2),
                ["contended"] = Contended(f),
            };
        }
        json["figures"] = figures;
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteTo(writer);
        writer.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>
    /// Whether the run shared the machine: it got clearly less CPU than its threads ask for, or other processes used a
    /// tenth of a core or more (on another core they still share caches, memory bandwidth and clock boost).
    /// </summary>
    public static bool Contended(Figure figure) => figure.CoresBusy < 0.9 * figure.Threads || figure.OtherCoresBusy >= 0.1;

    private static string Row(string label, params string[] columns) =>
        $"  {label,-40}{columns[0],12}{columns[1],10}{columns[2],12}{columns[3],10}{columns[4],11}{columns[5],9}{columns[6],12}{columns[7],11}";

    private static string Others(Figure figure) => figure.OtherCoresBusy is { } others ? Number(others, 2) : "?";

    public static string Number(double value, int decimals) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);

    public static string Megabytes(long bytes) => Number(bytes / (1024.0 * 1024.0), 1) + " MiB";

    private List<(string Key, string Label, JsonNode Value, string Text)> Machine()
    {
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        var gc = GCSettings.IsServerGC ? "server GC" : "workstation GC";
        var load = _loadAtStart is null ? [] : new List<(string, string, JsonNode, string)>
        {
            ("load_average_at_start", "load average at start", _loadAtStart, _loadAtStart + " (1, 5, 15 min; other work skews the figures)"),
        };
        return
        [
            ("processor_count", "cores", Environment.ProcessorCount, Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
            ("dotnet", ".NET", RuntimeInformation.FrameworkDescription, $"{RuntimeInformation.FrameworkDescription}, {gc}, {Configuration}"),
            ("configuration", "", Configuration, ""), // in the .NET line of the text form
            ("os", "OS", $"{RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture}", $"{RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture}"),
            .. load,
            ("peak_working_set_bytes", "peak working set", peak, Megabytes(peak) + " (generation included)"),
        ];
    }

    // Linux only: other processes' load is the usual reason for a bench figure that does not repeat.
    private static string? LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

#if DEBUG
    private const string Configuration = "Debug build: figures are not meaningful";
#else
    private const string Configuration = "Release";
#endif
}
