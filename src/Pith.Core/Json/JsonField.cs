using System.Text.Json;

namespace Pith.Core.Json;

/// <summary>A member looked up in an untrusted JSON object: absent, present with the wrong type, or a usable value.</summary>
public readonly record struct JsonField<T>(bool Present, T? Value, string? Problem)
{
    public bool Usable => Present && Problem is null;
}

/// <summary>Typed, exception-free reads of members of untrusted JSON objects.</summary>
public static class JsonFields
{
    public static JsonField<JsonElement> Member(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value)
            ? new JsonField<JsonElement>(true, value, null)
            : new JsonField<JsonElement>(false, default, null);

    public static JsonField<string> String(JsonElement obj, string name)
    {
        var member = Member(obj, name);
        if (!member.Present) return new JsonField<string>(false, null, null);
        if (member.Value.ValueKind != JsonValueKind.String) return new JsonField<string>(true, null, $"{name} is not a string");
        try
        {
            return new JsonField<string>(true, member.Value.GetString(), null);
        }
        catch (InvalidOperationException)
        {
            return new JsonField<string>(true, null, $"{name} holds a lone surrogate escape");
        }
    }

    /// <summary>
    /// Whether member <paramref name="name"/> is a string spelt exactly as <paramref name="text"/>, in ASCII without escapes:
    /// then <see cref="String"/> would read <paramref name="text"/>, and it need not be decoded. False says nothing.
    /// </summary>
    public static bool IsSpelt(JsonElement obj, string name, string text)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String) return false;
        // The raw value is the token, quotes included.
        var spelt = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value)[1..^1];
        return spelt.Length == text.Length && spelt.IndexOf((byte)'\\') < 0 && System.Text.Ascii.Equals(spelt, text);
    }

    public static JsonField<JsonElement> Object(JsonElement obj, string name) => OfKind(obj, name, JsonValueKind.Object, "an object");

    public static JsonField<JsonElement> Array(JsonElement obj, string name) => OfKind(obj, name, JsonValueKind.Array, "an array");

    /// <summary>An array whose items are all strings, or a problem naming the first that is not.</summary>
    public static JsonField<List<string>> StringArray(JsonElement obj, string name)
    {
        var array = Array(obj, name);
        if (!array.Usable) return new JsonField<List<string>>(array.Present, null, array.Problem);
        var items = new List<string>();
        foreach (var item in array.Value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String) return new JsonField<List<string>>(true, null, $"{name} holds a non-string");
            try
            {
                items.Add(item.GetString()!);
            }
            catch (InvalidOperationException)
            {
                return new JsonField<List<string>>(true, null, $"{name} holds a lone surrogate escape");
            }
        }
        return new JsonField<List<string>>(true, items, null);
    }

    private static JsonField<JsonElement> OfKind(JsonElement obj, string name, JsonValueKind kind, string what)
    {
        var member = Member(obj, name);
        if (!member.Present) return member;
        return member.Value.ValueKind == kind ? member : new JsonField<JsonElement>(true, default, $"{name} is not {what}");
    }
}
