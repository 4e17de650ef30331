using System.Buffers;
using System.Runtime.InteropServices;
using Pith.Core.Documents;

namespace Pith.Inputs;

/// <summary>
/// Reads a file found in a folder with four system calls: open, fstat, close, and one preadv of the file's size into
/// the array and one byte more into a probe (a read that stops at the size proves the end of a regular file; the array
/// stays the file's size). File.OpenHandle and RandomAccess take seven (a second fstat, an lseek, a second read), and
/// an import of many small files spends much of its CPU in them. Linux only (the open flags are Linux's); whatever
/// is unusual is left to <see cref="BoundedReader"/>'s own path.
/// </summary>
internal static unsafe partial class NativeFileReader
{
    // O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, the same on x86-64 and arm64. O_NONBLOCK: a FIFO put in the
    // place of the file since the listing does not block the open; the fstat then refuses it.
    private const int OpenFlags = 0x0 | 0x800 | 0x100 | 0x80000;

    private static bool s_available =
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>
    /// The file's bytes, its size if too large, or that it is not a regular file; null if not read here (no native
    /// support, an error, a file whose size changed), for the caller to read the general way.
    /// </summary>
    public static ReadOutcome? TryRead(string path, ArrayPool<byte>? pool)
    {
        if (!s_available) return null;
        var descriptor = -1;
        try
        {
            fixed (byte* name = FileNames.Encode(path)) descriptor = Open(name, OpenFlags, 0);
            if (descriptor < 0 || !FileKind.TryGetStatus(descriptor, out var isRegularFile, out var length)) return null;
            if (!isRegularFile) return BoundedReader.NotRegularFile;
            if (length > JsonDocumentReader.MaxBytes) return new ReadOutcome(null, length, null);
            var size = (int)length;
            var rented = size > 0 && pool is not null;
            var bytes = rented ? pool!.Rent(size) : new byte[size];
            byte probe;
            long read;
            fixed (byte* data = bytes)
            {
                var pieces = stackalloc IoVector[] { new(data, size), new(&probe, 1) };
                read = PReadV(descriptor, pieces, 2, 0);
            }
            if (read == size) return new ReadOutcome(bytes, null, null) { Length = size, Rented = rented };
            if (rented) pool!.Return(bytes);
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_available = false;
            return null;
        }
        finally
        {
            if (descriptor >= 0) Close(descriptor);
        }
    }

    // struct iovec
    private readonly struct IoVector(byte* start, nint length)
    {
        public readonly byte* Start = start;
        public readonly nint Length = length;
    }

    /// <summary>
    /// Opens for reading, blocking as .NET's open does (a pipe the user named waits for its writer): for a path .NET
    /// cannot name (<see cref="FileNames.HasEscapedBytes"/>). Null if it fails, for .NET to try and word the error.
    /// </summary>
    public static Microsoft.Win32.SafeHandles.SafeFileHandle? TryOpen(string path)
    {
        if (!s_available) return null;
        int descriptor;
        fixed (byte* name = FileNames.Encode(path)) descriptor = Open(name, BlockingFlags, 0);
        return descriptor < 0 ? null : new Microsoft.Win32.SafeHandles.SafeFileHandle(descriptor, ownsHandle: true);
    }

    // O_RDONLY | O_NOCTTY | O_CLOEXEC.
    private const int BlockingFlags = 0x0 | 0x100 | 0x80000;

    [LibraryImport("libc", EntryPoint = "open")]
    private static partial int Open(byte* path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "preadv")]
    private static partial nint PReadV(int descriptor, IoVector* pieces, int count, long offset);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
