using Microsoft.AspNetCore.Http;

namespace Pith.Server;

/// <summary>
/// One route: a path of literal segments, at most one of which holds <c>{code}</c> (with literal text after it, such as
/// <c>.json</c>), and its handler. Literals compare without regard to case, and one trailing slash is allowed, as ASP.NET
/// Core's routing does; the code is whatever the segment holds, for the handler to judge.
/// </summary>
internal sealed class RoutePattern(string pattern, Func<ServedIndex, HttpContext, Task> handle)
{
    private const string Parameter = "{code}";

    private readonly string[] _segments = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);

    public string Pattern { get; } = pattern;

    public Func<ServedIndex, HttpContext, Task> Handle { get; } = handle;

    public bool Matches(string path, out string code)
    {
        code = "";
        if (path.Length == 0 || path[0] != '/') return false;
        var rest = path.AsSpan(1);
        if (rest.EndsWith("/")) rest = rest[..^1];
        var more = !rest.IsEmpty;
        foreach (var segment in _segments)
        {
            if (!more) return false;
            var end = rest.IndexOf('/');
            var part = end < 0 ? rest : rest[..end];
            more = end >= 0;
            rest = more ? rest[(end + 1)..] : [];
            if (part.IsEmpty) return false;
            var at = segment.IndexOf(Parameter, StringComparison.Ordinal);
            if (at < 0)
            {
                if (!part.Equals(segment, StringComparison.OrdinalIgnoreCase)) return false;
                continue;
            }
            var prefix = segment.AsSpan(0, at);
            var suffix = segment.AsSpan(at + Parameter.Length);
            if (part.Length <= prefix.Length + suffix.Length
                || !part.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                || !part.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) return false;
            code = part[prefix.Length..^suffix.Length].ToString();
        }
        return !more;
    }
}
