using Pith.Core.Documents;

namespace Pith.Inputs.Keys;

/// <summary>
/// Reads a key file (the user key store or a <c>--keys</c> file) whole. A folder is named as one. With
/// <c>regularOnly</c> (the user key store, which pith finds by itself) a FIFO, socket or device is refused unopened:
/// opening a FIFO waits until something writes to it, so every verifying command would hang. A <c>--keys</c> file the
/// user names may be a pipe (<c>--keys &lt;(curl …)</c>), read like a PATH named on the command line; a FIFO that
/// nothing writes to yet is waited for, but not unseen (<see cref="FifoReader"/>).
/// </summary>
public static class KeyFileBytes
{
    /// <summary>
    /// The file's bytes, or why it cannot be read ("it is a folder", "no such file", ...). A FIFO nothing writes to
    /// calls <paramref name="waiting"/> once before waiting for a writer; <paramref name="cancel"/> ends that wait,
    /// with <see cref="FifoReader.Cancelled"/> as the reason.
    /// </summary>
    public static ParseResult<byte[]> Read(string path, bool regularOnly, Action? waiting = null, CancellationToken cancel = default)
    {
        switch (FileKind.IsFolder(path))
        {
            case true:
                return ParseResult<byte[]>.ForError("it is a folder");
            case false when regularOnly && !FileKind.IsRegularFile(path):
                return ParseResult<byte[]>.ForError("not a regular file (a FIFO, socket or device)");
            case false when !regularOnly && FileKind.IsFifo(path) && FifoReader.TryRead(path, waiting ?? (() => { }), cancel) is { } fifo:
                return fifo;
        }
        try
        {
            return ParseResult<byte[]>.ForValue(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ParseResult<byte[]>.ForError(IoMessages.Reason(e, path));
        }
    }
}
