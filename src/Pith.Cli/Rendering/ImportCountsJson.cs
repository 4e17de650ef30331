using System.Text.Json;

namespace Pith.Cli.Rendering;

/// <summary>An import run's counts under the names <c>pith import --json</c> gives them, so <c>pith stats --json</c> uses the same.</summary>
public static class ImportCountsJson
{
    public static void Write(Utf8JsonWriter json, long imported, long updated, long unchanged, long historical, long noted, long variants, long rejected)
    {
        json.WriteNumber("imported", imported);
        json.WriteNumber("updated", updated);
        json.WriteNumber("unchanged", unchanged);
        json.WriteNumber("historical", historical);
        json.WriteNumber("noted", noted);
        json.WriteNumber("variants", variants);
        json.WriteNumber("rejected", rejected);
    }
}
