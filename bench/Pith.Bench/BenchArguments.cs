using System.Globalization;

namespace Pith.Bench;

/// <summary>
/// The options after the benchmark's name: <c>--name value</c> pairs and bare flags, each benchmark saying which
/// it takes. Hand-rolled: the bench adds no package, and an unknown or malformed option is a usage error, not a guess.
/// </summary>
public sealed class BenchArguments
{
    private readonly Dictionary<string, string?> _given;

    private BenchArguments(Dictionary<string, string?> given) => _given = given;

    public static BenchArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        var given = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string? value = null;
            if (valued.Contains(name))
            {
                if (i + 1 >= args.Count) throw Usage($"{name} needs a value");
                value = args[++i];
            }
            else if (!flags.Contains(name))
            {
                throw Usage($"unknown option '{name}' (takes {string.Join(", ", valued.Concat(flags))})");
            }
            if (!given.TryAdd(name, value)) throw Usage($"{name} given twice");
        }
        return new BenchArguments(given);
    }

    public bool Flag(string name) => _given.ContainsKey(name);

    public string? String(string name) => _given.GetValueOrDefault(name);

    public int Int(string name, int fallback, int minimum) =>
        !_given.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value >= minimum ? value
        : throw Usage($"{name} must be a whole number of at least {minimum}, not '{text}'");

    public double Double(string name, double fallback, double minimum) =>
        !_given.TryGetValue(name, out var text) ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= minimum && double.IsFinite(value) ? value
        : throw Usage($"{name} must be a number of at least {minimum.ToString(CultureInfo.InvariantCulture)}, not '{text}'");

    private static BenchFailure Usage(string message) => new(message, BenchFailure.Usage);
}
