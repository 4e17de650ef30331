using System.Text;
using Pith.Core.Documents;
using Pith.Core.Json;
using Xunit;

namespace Pith.Core.Tests.Json;

/// <summary>
/// The writer against Python's json.dumps on the committed golden set (Golden/generate_canonical_golden.py):
/// pairs of lines, input JSON then Python's canonical bytes, or "!refuse" where Python has no UTF-8 form
/// (lone surrogates) or the value holds a float (refused by design).
/// </summary>
public class CanonicalJsonGoldenTests
{
    private static readonly string GoldenPath = Path.Combine(AppContext.BaseDirectory, "Json", "Golden", "canonical-golden.txt");

    [Fact]
    public void Agrees_with_python_json_dumps_on_every_golden_case()
    {
        var lines = SplitLines(File.ReadAllBytes(GoldenPath));
        Assert.True(lines.Count % 2 == 0, "golden file holds pairs of lines");
        Assert.True(lines.Count / 2 >= 10_000, $"golden set has {lines.Count / 2} cases, fewer than 10,000");
        var failures = new List<string>();
        int refused = 0;
        for (var i = 0; i < lines.Count; i += 2)
        {
            var input = lines[i];
            var expected = lines[i + 1];
            var refuse = expected.AsSpan().SequenceEqual("!refuse"u8);
            var parsed = JsonDocumentReader.Read(input);
            if (!parsed.Success)
            {
                // The reader refuses keys holding lone surrogates before the writer sees them.
                if (refuse && parsed.Error!.Contains("lone surrogate", StringComparison.Ordinal)) refused++;
                else failures.Add($"case {i / 2}: golden input does not parse: {parsed.Error}");
                continue;
            }
            using var doc = parsed.Value!;
            var (bytes, error) = CanonicalJson.Serialize(doc.RootElement);
            if (refuse)
            {
                refused++;
                if (error is null) failures.Add($"case {i / 2}: expected a refusal, got {Encoding.UTF8.GetString(bytes!)}");
            }
            else if (error is not null)
            {
                failures.Add($"case {i / 2}: refused ({error.Reason}), Python wrote {Encoding.UTF8.GetString(expected)}");
            }
            else if (!bytes!.AsSpan().SequenceEqual(expected))
            {
                failures.Add($"case {i / 2}: wrote {Encoding.UTF8.GetString(bytes!)}, Python wrote {Encoding.UTF8.GetString(expected)}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches, first: {failures.FirstOrDefault()}");
        Assert.InRange(refused, 1, lines.Count / 2 - 1);
    }

    // Split on the 0x0A byte only: expected lines hold raw U+2028, U+2029 and U+0085.
    private static List<byte[]> SplitLines(byte[] data)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= data.Length; i++)
        {
            if (i == data.Length || data[i] == (byte)'\n')
            {
                if (i > start || i < data.Length) lines.Add(data[start..i]);
                start = i + 1;
            }
        }
        return lines;
    }
}
