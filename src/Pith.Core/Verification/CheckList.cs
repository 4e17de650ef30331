using System.Text.Json;
using Pith.Core.Json;

namespace Pith.Core.Verification;

/// <summary>Appending checks to a result under construction.</summary>
internal static class CheckList
{
    public static List<Check> Pass(this List<Check> checks, string name, string detail) => Add(checks, name, CheckStatus.Pass, detail);

    public static List<Check> Fail(this List<Check> checks, string name, string detail) => Add(checks, name, CheckStatus.Fail, detail);

    public static List<Check> Skip(this List<Check> checks, string name, string detail) => Add(checks, name, CheckStatus.Skip, detail);

    /// <summary>
    /// A stated string that must equal the derived one. Absent: a failure when <paramref name="required"/>,
    /// otherwise not checked. <paramref name="about"/>, when given, starts a failure's detail (which event it is).
    /// Returns whether it passed.
    /// </summary>
    public static bool Equal(this List<Check> checks, string name, JsonField<string> stated, string derived, bool required, string? about = null)
    {
        var context = about is null ? "" : about + ": ";
        if (stated.Problem is not null) checks.Fail(name, context + stated.Problem);
        else if (!stated.Present && required) checks.Fail(name, $"{context}missing (derived: {derived})");
        else if (!stated.Present) checks.Skip(name, "the document does not state it");
        else if (stated.Value == derived) checks.Pass(name, derived);
        else checks.Fail(name, $"{context}stated {stated.Value}, derived {derived}");
        return checks[^1].Status == CheckStatus.Pass;
    }

    /// <summary>
    /// <see cref="Equal(List{Check}, string, JsonField{string}, string, bool, string?)"/> of member <paramref name="member"/> of
    /// <paramref name="owner"/>; a stated string spelt as the derived one passes without being decoded.
    /// </summary>
    public static bool Equal(this List<Check> checks, string name, JsonElement owner, string member, string derived, bool required, string? about = null)
    {
        if (!JsonFields.IsSpelt(owner, member, derived)) return checks.Equal(name, JsonFields.String(owner, member), derived, required, about);
        checks.Pass(name, derived);
        return true;
    }

    private static List<Check> Add(List<Check> checks, string name, CheckStatus status, string detail)
    {
        checks.Add(new Check(name, status, detail));
        return checks;
    }
}
