using System.Text.Json;
using Pith.Testing;

namespace Pith.Cli.Tests.Import;

/// <summary>
/// Runs <c>pith import</c> into an index file the test names (never the user's default index), with stderr
/// redirected like every run here, so no progress line is drawn.
/// </summary>
public static class PithImport
{
    private static readonly string[] CountNames = ["imported", "updated", "unchanged", "historical", "rejected"];

    public static PithResult Run(string db, params string[] args) => Run(db, args, stdin: null);

    public static PithResult Run(string db, IEnumerable<string> args, byte[]? stdin = null, string? workingDirectory = null) =>
        PithProcess.Run(Args(db, args), stdin, workingDirectory);

    /// <summary>The whole command line: <c>import --db DB ARGS...</c>.</summary>
    public static string[] Args(string db, IEnumerable<string> args) => ["import", "--db", db, .. args];

    /// <summary>Writes the test key's file into <paramref name="temp"/>: records the tests sign are trusted only with it.</summary>
    public static string WriteTestKey(TempFolder temp) => temp.Write("test-key.json", TestKey.Default.ToKeyFileJson());

    /// <summary>The <c>--json</c> summary: exactly one line holding one JSON object.</summary>
    public static JsonElement Summary(PithResult result)
    {
        var line = Xunit.Assert.Single(result.StdoutLines);
        Xunit.Assert.EndsWith("\n", result.Stdout, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(line);
        Xunit.Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        return document.RootElement.Clone();
    }

    /// <summary>A summary's five counts, in the order imported, updated, unchanged, historical, rejected.</summary>
    public static long[] Counts(JsonElement summary) =>
        CountNames.Select(name => summary.GetProperty(name).GetInt64()).ToArray();
}
