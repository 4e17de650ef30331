namespace Pith.Core.Documents;

/// <summary>
/// The value parsed, or why there is none: bad input is a result, not an exception. Any type of value, a struct or
/// null included: success is whether there is no reason, not whether there is a value.
/// </summary>
public sealed class ParseResult<T>
{
    private ParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value, when parsing succeeded; the type's default otherwise.</summary>
    public T? Value { get; }

    /// <summary>A one-line reason, when parsing failed.</summary>
    public string? Error { get; }

    public bool Success => Error is null;

    public static ParseResult<T> ForValue(T value) => new(value, null);

    public static ParseResult<T> ForError(string error) => new(default, error ?? throw new ArgumentNullException(nameof(error)));
}
