using System.Text.Json;
using Pith.Core.Verification;

namespace Pith.Cli.Rendering;

/// <summary>
/// The stable <c>--json</c> form of a verification result (media type
/// <see cref="VerificationResult.MediaType"/>): one object per input, one per line.
/// </summary>
public static class VerificationJson
{
    public static void Write(Utf8JsonWriter json, string path, VerificationResult result)
    {
        json.WriteStartObject();
        json.WriteString("media_type", VerificationResult.MediaType);
        json.WriteString("path", path);
        json.WriteString("document_type", result.DocumentType);
        json.WriteBoolean("valid", result.Valid);
        json.WriteBoolean("consistent", result.Consistent);
        json.WriteString("pith_number", result.PithNumber?.ToString());
        json.WriteString("key_id", result.KeyId);
        json.WriteStartArray("checks");
        foreach (var check in result.Checks)
        {
            json.WriteStartObject();
            json.WriteString("name", check.Name);
            json.WriteString("status", StatusName(check.Status));
            json.WriteString("detail", check.Detail);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string StatusName(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "pass",
        CheckStatus.Fail => "fail",
        _ => "skip",
    };
}
