namespace Pith.Cli;

/// <summary>"Did you mean ...?" for a mistyped command name: the nearest name by edit distance, if it is near enough.</summary>
public static class CommandSuggestion
{
    /// <summary>The name in <paramref name="names"/> nearest to <paramref name="typed"/>, or null when none is within a third of its length (at least 1).</summary>
    public static string? Nearest(string typed, IEnumerable<string> names)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in names)
        {
            var distance = Distance(typed.ToLowerInvariant(), name);
            if (distance < bestDistance) (best, bestDistance) = (name, distance);
        }
        return best is not null && bestDistance <= Math.Max(1, best.Length / 3) ? best : null;
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1 each
    // (a swap is the commonest typo: "verfiy").
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
