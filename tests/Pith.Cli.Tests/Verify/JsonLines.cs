using System.Text.Json;

namespace Pith.Cli.Tests.Verify;

/// <summary>Parses <c>--json</c> output strictly as JSON Lines: every line one complete JSON value.</summary>
public static class JsonLines
{
    public static IReadOnlyList<JsonElement> Parse(PithResult result)
    {
        Xunit.Assert.True(result.Stdout.Length == 0 || result.Stdout.EndsWith('\n'), "JSON Lines output must end each line with \\n");
        return result.StdoutLines.Select(line =>
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.Clone();
        }).ToArray();
    }

    /// <summary>The names of an object's checks with the given status, in order.</summary>
    public static string[] ChecksWithStatus(JsonElement verdict, string status) =>
        verdict.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == status)
            .Select(c => c.GetProperty("name").GetString()!)
            .ToArray();

    /// <summary>The check named <paramref name="name"/>; fails the test when there is not exactly one.</summary>
    public static JsonElement Check(JsonElement verdict, string name) =>
        Xunit.Assert.Single(verdict.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == name);
}
