namespace Pith.Cli.Rendering;

/// <summary>
/// Where bash's and zsh's completion scripts differ (they share one shape, <see cref="CompletionScript"/>): the
/// header, the array of words typed and its first and current index, how the reply is reset, how words and files are
/// offered, and how the function is bound to pith.
/// </summary>
public sealed record BourneDialect(
    string[] Header, string Words, int First, string Current, string Reset, Func<string, string> Offer, string Files, string Footer);
