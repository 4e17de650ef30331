using System.Globalization;

namespace Pith.Index;

/// <summary>How the index writes times: UTC, ISO 8601 with microseconds, sortable as text.</summary>
internal static class Timestamp
{
    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);
}
