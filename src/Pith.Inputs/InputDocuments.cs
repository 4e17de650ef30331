namespace Pith.Inputs;

/// <summary>
/// The documents the paths a user names hold, in order, by the rules import reads them with too: a file is one
/// document; a <c>.jsonl</c> file one per non-blank line (<see cref="JsonLinesReader"/>); standard input one document,
/// or one per line when its first line is a complete JSON value (<see cref="StandardInput"/>). Streams: a file's
/// lines are read as they are consumed.
/// </summary>
public static class InputDocuments
{
    private const int StandardInputDescriptor = 0;

    /// <summary>Why standard input closed before pith started (<c>&lt;&amp;-</c>) gives no document.</summary>
    public const string ClosedStandardInput = "standard input is closed";

    /// <summary>The documents; <paramref name="skipped"/> hears of each symbolic link in a folder that is not read, and why.</summary>
    public static IEnumerable<InputDocument> Expand(IEnumerable<string> paths, Func<Stream> openStandardInput, Action<string, string>? skipped = null)
    {
        foreach (var item in InputWalker.Expand(paths, skipped))
        {
            // Named by text any UTF-8 store takes (a name that is not UTF-8 spelt with \xHH); read by its true bytes.
            if (item.Error is { } error)
            {
                yield return new InputDocument(FileNames.ToText(error.Path)) { Unreadable = error.Reason };
                continue;
            }
            var input = item.Input!;
            var name = FileNames.ToText(input.Path);
            if (!input.IsStandardInput && !JsonLinesReader.IsJsonLines(input.Path))
            {
                yield return new InputDocument(name) { File = input };
                continue;
            }
            // Its lines are read on this thread, as they are consumed: a FIFO found in a folder would stop the whole walk.
            if (input.RegularOnly && BoundedReader.IsNotRegular(input.Path, input.Kind))
            {
                yield return new InputDocument(name) { Unreadable = BoundedReader.NotRegularFile.Error };
                continue;
            }
            var documents = input.IsStandardInput
                ? FromStandardInput(input, openStandardInput)
                : Lines(name, () => new FileStream(BoundedReader.Open(input.Path), FileAccess.Read));
            foreach (var document in documents) yield return document;
        }
    }

    private static IEnumerable<InputDocument> FromStandardInput(Input input, Func<Stream> open)
    {
        if (StandardInput.IsClosed()) return [new InputDocument(input.Path) { Unreadable = ClosedStandardInput }];
        Stream stream;
        try
        {
            (stream, var isJsonLines) = StandardInput.Classify(open());
            if (!isJsonLines)
            {
                using (stream) return [new InputDocument(input.Path) { Bytes = BoundedReader.Read(stream, []) }];
            }
        }
        catch (IOException e)
        {
            // Reading a folder fails with EISDIR ("Is a directory"): say what to do instead.
            var reason = FileKind.IsFolder(StandardInputDescriptor)
                ? "standard input is a folder, not a document (name the folder instead: pith reads every file in it)"
                : "cannot read standard input: " + IoMessages.Reason(e);
            return [new InputDocument(input.Path) { Unreadable = reason }];
        }
        return Lines(input.Path, () => stream);
    }

    private static IEnumerable<InputDocument> Lines(string path, Func<Stream> open)
    {
        Stream stream;
        string? failure = null;
        try
        {
            stream = open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            (stream, failure) = (Stream.Null, "cannot read: " + IoMessages.Reason(e, path));
        }
        if (failure is not null)
        {
            yield return new InputDocument(path) { Unreadable = failure };
            yield break;
        }
        using (stream)
        {
            foreach (var (line, bytes, error) in JsonLinesReader.Read(stream))
                yield return error is null ? new InputDocument(path, line) { Bytes = bytes } : new InputDocument(path, line) { TooLarge = error };
        }
    }
}
