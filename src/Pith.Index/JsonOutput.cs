using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pith.Index;

/// <summary>
/// How pith writes JSON for people and programs (the CLI's <c>--json</c> and the server's API), one setting for both so
/// they write the same bytes: text as it is (no <c>\u00e9</c> for é), only what JSON requires escaped.
/// </summary>
public static class JsonOutput
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
