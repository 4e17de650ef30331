using System.Text.Json;
using Pith.Core.Json;

namespace Pith.Core.Documents;

/// <summary>Which fields two copies of one record differ in, as dotted paths (objects are compared member by member; an array or a value, whole).</summary>
public static class DocumentDifferences
{
    /// <summary>The paths where <paramref name="a"/> and <paramref name="b"/> hold different values, in order; null when either cannot be read.</summary>
    public static IReadOnlyList<string>? Between(ReadOnlyMemory<byte> a, ReadOnlyMemory<byte> b)
    {
        var first = JsonDocumentReader.Read(a);
        var second = JsonDocumentReader.Read(b);
        using var one = first.Value;
        using var other = second.Value;
        if (one is null || other is null) return null;
        var paths = new List<string>();
        Compare(one.RootElement, other.RootElement, "", paths);
        return paths;
    }

    private static void Compare(JsonElement a, JsonElement b, string path, List<string> paths)
    {
        if (a.ValueKind == JsonValueKind.Object && b.ValueKind == JsonValueKind.Object)
        {
            var names = a.EnumerateObject().Select(p => p.Name).Union(b.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            foreach (var name in names)
            {
                var at = path.Length == 0 ? name : path + "." + name;
                var inA = a.TryGetProperty(name, out var x);
                var inB = b.TryGetProperty(name, out var y);
                if (inA && inB) Compare(x, y, at, paths);
                else paths.Add(at);
            }
            return;
        }
        var same = CanonicalJson.ValueSha256(a) is { } ha && CanonicalJson.ValueSha256(b) is { } hb && ha.AsSpan().SequenceEqual(hb);
        if (!same) paths.Add(path.Length == 0 ? "(the whole document)" : path);
    }
}
