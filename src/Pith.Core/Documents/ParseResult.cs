namespace Pith.Core.Documents;

/// <summary>The value parsed, or why there is none: bad input is a result, not an exception.</summary>
public sealed class ParseResult<T>
    where T : class
{
    private ParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    /// <summary>A one-line reason, when parsing failed.</summary>
    public string? Error { get; }

    public bool Success => Value is not null;

    public static ParseResult<T> ForValue(T value) => new(value, null);

    public static ParseResult<T> ForError(string error) => new(null, error);
}
