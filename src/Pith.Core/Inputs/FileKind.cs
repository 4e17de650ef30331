using System.Runtime.InteropServices;

namespace Pith.Core.Inputs;

/// <summary>
/// Whether a path is a regular file. .NET reports a FIFO, socket or device as an ordinary file, and opening a
/// FIFO blocks until something writes to it: a folder walk must not open those. The file type comes from the
/// runtime's own stat shim (libSystem.Native, shipped with every .NET on Unix), whose mode bits are .NET's
/// portable constants on every OS.
/// </summary>
public static partial class FileKind
{
    private const int TypeMask = 0xF000;    // PAL_S_IFMT
    private const int RegularFile = 0x8000; // PAL_S_IFREG

    /// <summary>True for a regular file (after following links); on Windows, or if the shim is missing, for any file.</summary>
    public static bool IsRegularFile(string path)
    {
        if (OperatingSystem.IsWindows()) return File.Exists(path);
        Span<byte> status = stackalloc byte[512]; // FileStatus is about 130 bytes; Mode is the int32 at offset 4.
        try
        {
            if (Stat(path, ref MemoryMarshal.GetReference(status)) != 0) return false;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return File.Exists(path);
        }
        return IsRegular(status);
    }

    /// <summary>
    /// Whether an open file is a regular file, and its size (Size is the int64 at offset 16); false if fstat fails.
    /// Throws DllNotFoundException or EntryPointNotFoundException if the shim is missing.
    /// </summary>
    internal static bool TryGetStatus(int descriptor, out bool isRegularFile, out long size)
    {
        Span<byte> status = stackalloc byte[512];
        var failed = FStat(descriptor, ref MemoryMarshal.GetReference(status)) != 0;
        isRegularFile = !failed && IsRegular(status);
        size = failed ? 0 : BitConverter.ToInt64(status[16..]);
        return !failed;
    }

    // FileStatus.Mode is the int32 at offset 4, its type bits .NET's portable constants.
    private static bool IsRegular(ReadOnlySpan<byte> status) => (BitConverter.ToInt32(status[4..]) & TypeMask) == RegularFile;

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, ref byte status);

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_FStat")]
    private static partial int FStat(nint descriptor, ref byte status);
}
