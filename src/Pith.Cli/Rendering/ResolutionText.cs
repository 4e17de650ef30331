using Pith.Index.Query;

namespace Pith.Cli.Rendering;

/// <summary>How resolve and show tell a person about an alias: its reason when it did not resolve, the matches when several did.</summary>
public static class ResolutionText
{
    /// <summary>One line (unsanitised: print it through <see cref="Cli.Complain"/>): the alias as given, why it did not resolve and, when ambiguous, every match.</summary>
    public static string Problem(Resolution resolution)
    {
        var line = $"{resolution.Text}: {resolution.Reason}";
        if (resolution.Status == ResolutionStatus.Ambiguous)
            line += ": " + string.Join(", ", resolution.Matches.Select(m => $"{m.PithNumber} ({Versioned(m)})"));
        return line;
    }

    /// <summary>The arXiv id with its version, as the <c>arxiv_version</c> alias writes it (unsanitised).</summary>
    public static string Versioned(RecordMatch match) => $"{match.SourceId}v{match.Version}";
}
