using Xunit;

namespace Pith.Core.Tests;

/// <summary>The sample files, copied next to the test assembly (nothing reads ../shared at test time).</summary>
public static class Samples
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "samples");

    public static string Records => Path.Combine(Root, "records");

    public static string RealUnsigned => Path.Combine(Root, "real-unsigned");

    public static string NotRecords => Path.Combine(Root, "not-records");

    public static string KeyFile => Path.Combine(Root, "keys", "pith-v1-2026-05.json");

    public static byte[] Seed(string code) => File.ReadAllBytes(Path.Combine(Records, $"pith-{code}.json"));

    public static IEnumerable<string> SeedFiles => Directory.EnumerateFiles(Records, "*.json").Order(StringComparer.Ordinal);

    public static IEnumerable<string> RealUnsignedFiles => Directory.EnumerateFiles(RealUnsigned, "*.json").Order(StringComparer.Ordinal);

    public static TheoryData<string> SeedCodes => new("3V7SYW4G", "D52N3J2W", "KXQ2F5Z7");
}
