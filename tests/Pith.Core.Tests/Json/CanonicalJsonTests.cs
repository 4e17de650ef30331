using System.Buffers;
using System.Text;
using System.Text.Json;
using Pith.Core.Json;
using Xunit;

namespace Pith.Core.Tests.Json;

public class CanonicalJsonTests
{
    private static string Canonical(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var (bytes, error) = CanonicalJson.Serialize(doc.RootElement);
        Assert.Null(error);
        return Encoding.UTF8.GetString(bytes!);
    }

    private static string Refusal(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var (bytes, error) = CanonicalJson.Serialize(doc.RootElement);
        Assert.Null(bytes);
        return error!.Reason;
    }

    [Fact]
    public void TryWrite_appends_the_canonical_bytes_to_the_caller_s_writer_and_nothing_when_there_are_none()
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write("x"u8);
        using (var doc = JsonDocument.Parse("{\"b\":[1,\"\\u00e9\"],\"a\":null}"))
            Assert.Null(CanonicalJson.TryWrite(doc.RootElement, output));
        using (var doc = JsonDocument.Parse("{\"a\":1.5}"))
            Assert.NotNull(CanonicalJson.TryWrite(doc.RootElement, output));
        // Between two uses, the thread's own buffer (the same writer the digests use) leaves the caller's untouched.
        using (var doc = JsonDocument.Parse("{\"z\":1}"))
            Assert.NotNull(CanonicalJson.Sha256(doc.RootElement).Digest);
        Assert.Equal("x{\"a\":null,\"b\":[1,\"\u00e9\"]}", Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Sorts_keys_by_code_point_not_utf16_unit()
    {
        // U+E000 < U+1F600 by code point; in UTF-16 the surrogate D83D sorts before E000.
        Assert.Equal("{\"\uE000\":1,\"\U0001F600\":2}", Canonical("{\"\\ud83d\\ude00\":2,\"\\ue000\":1}"));
    }

    [Fact]
    public void Escapes_only_quote_backslash_and_controls_like_python()
    {
        Assert.Equal("\"\\\"\\\\\\n\\r\\t\\b\\f\\u0000\\u001f\u007f\u2028/é\"", Canonical("\"\\\"\\\\\\n\\r\\t\\b\\f\\u0000\\u001F\\u007f\\u2028\\/\\u00e9\""));
    }

    [Fact]
    public void Keeps_integers_exactly_and_reads_minus_zero_as_zero()
    {
        Assert.Equal("[123456789012345678901234567890,-18446744073709551617,0]", Canonical("[123456789012345678901234567890, -18446744073709551617, -0]"));
    }

    [Fact]
    public void Keeps_array_order_and_removes_whitespace()
    {
        Assert.Equal("{\"a\":[3,1,2],\"b\":{\"c\":null,\"d\":true}}", Canonical(" { \"b\" : { \"d\" : true , \"c\" : null } ,\n \"a\" : [ 3 , 1 , 2 ] } "));
    }

    [Theory]
    [InlineData("{\"x\":1.0}")]
    [InlineData("[1e5]")]
    [InlineData("-0.5")]
    public void Refuses_floats_with_a_reason(string json) => Assert.Contains("float", Refusal(json), StringComparison.Ordinal);

    [Theory]
    [InlineData("{\"x\":\"\\ud800\"}")]
    [InlineData("{\"\\udfff\":1}")]
    [InlineData("[\"a\\ud83d\"]")]
    public void Refuses_lone_surrogates_with_a_reason(string json) => Assert.Contains("lone surrogate", Refusal(json), StringComparison.Ordinal);

    [Fact]
    public void Refuses_integers_python_will_not_convert()
    {
        Assert.Contains("4301 digits", Refusal(new string('9', 4301)), StringComparison.Ordinal);
        Assert.Equal(new string('9', 4300), Canonical(new string('9', 4300)));
    }

    [Fact]
    public void One_record_written_many_ways_has_one_hash()
    {
        using var seed = JsonDocument.Parse(Samples.Seed("3V7SYW4G"));
        var canonical = seed.RootElement.GetProperty("canonical_record");
        var expected = "dd7f2c5b86d6fbf545763f092b5bd192d2f586b272e74911db65d28c0ca6bdcd";
        var variants = new[]
        {
            canonical.GetRawText(),
            JsonSerializer.Serialize(canonical, new JsonSerializerOptions { WriteIndented = true }),
            ReverseKeys(canonical),
            // \u escapes for ASCII letters and the slash, and a different spacing.
            canonical.GetRawText().Replace("\"cs.LG\"", "\"\\u0063s.\\u004C\\u0047\"", StringComparison.Ordinal)
                .Replace("http://", "http:\\/\\/", StringComparison.Ordinal).Replace(",", " ,\t", StringComparison.Ordinal),
        };
        foreach (var text in variants)
        {
            using var doc = JsonDocument.Parse(text);
            Assert.Equal(expected, Convert.ToHexStringLower(CanonicalJson.Sha256(doc.RootElement).Digest!));
        }
    }

    private static string ReverseKeys(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject().Reverse().Select(p => JsonSerializer.Serialize(p.Name) + ":" + ReverseKeys(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(ReverseKeys)) + "]",
        _ => element.GetRawText(),
    };

    [Fact]
    public void Code_point_comparer_orders_like_python()
    {
        var keys = new[] { "\U0001F600", "\uE000", "math.MP", "math-ph", "a", "" };
        Assert.Equal(["", "a", "math-ph", "math.MP", "\uE000", "\U0001F600"], keys.Order(CodePointComparer.Instance));
    }
}
