using System.Runtime.InteropServices;

namespace Pith.Inputs;

/// <summary>
/// Whether a path, or an open file, is a regular file. .NET reports a FIFO, socket or device as an ordinary file, and
/// opening a FIFO blocks until something writes to it: a folder walk must not open those. On Linux the type comes from
/// libc's statx(2), whose struct statx has one layout on every architecture (linux/stat.h): stx_mode (u16) at offset 28,
/// stx_ino (u64) at 32, stx_size (u64) at 40, stx_dev_major and stx_dev_minor (u32) at 136 and 140. Elsewhere, or with a
/// libc older than statx (glibc 2.28), any file counts as regular.
/// </summary>
public static unsafe partial class FileKind
{
    private const int AtCurrentDirectory = -100;   // AT_FDCWD
    private const int AtEmptyPath = 0x1000;        // AT_EMPTY_PATH: the descriptor itself
    private const uint StatxType = 0x1;            // STATX_TYPE
    private const uint StatxSize = 0x200;          // STATX_SIZE
    private const int StatxBytes = 256;            // sizeof(struct statx)
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;
    private const int InodeOffset = 32;
    private const int DeviceOffset = 136;
    private const uint StatxInode = 0x100;         // STATX_INO
    private const int TypeMask = 0xF000;           // S_IFMT
    private const int RegularFile = 0x8000;        // S_IFREG
    private const int Folder = 0x4000;             // S_IFDIR
    private const int NamedPipe = 0x1000;          // S_IFIFO

    private static bool s_statx = OperatingSystem.IsLinux();

    /// <summary>True for a regular file (after following links); without statx, for any file.</summary>
    public static bool IsRegularFile(string path)
    {
        var status = stackalloc byte[StatxBytes];
        return TryStatx(AtCurrentDirectory, path, 0, StatxType, status) is { } done ? done && IsRegular(status) : File.Exists(path);
    }

    /// <summary>Whether a path leads (after following links) to a FIFO, named or not (<c>/dev/fd/63</c>); false when it cannot be told.</summary>
    public static bool IsFifo(string path)
    {
        var status = stackalloc byte[StatxBytes];
        return TryStatx(AtCurrentDirectory, path, 0, StatxType, status) == true && IsType(status, NamedPipe);
    }

    /// <summary>Whether an open file is a FIFO; false if it cannot be told.</summary>
    internal static bool IsFifo(int descriptor) => HasType(descriptor, NamedPipe);

    /// <summary>Whether an open file is a regular file, and its size; false if it cannot be told (no statx, or it failed).</summary>
    internal static bool TryGetStatus(int descriptor, out bool isRegularFile, out long size)
    {
        (isRegularFile, size) = (false, 0);
        var status = stackalloc byte[StatxBytes];
        if (TryStatx(descriptor, "", AtEmptyPath, StatxType | StatxSize, status) != true) return false;
        isRegularFile = IsRegular(status);
        size = *(long*)(status + SizeOffset);
        return true;
    }

    /// <summary>Whether an open file is a folder (as standard input is in <c>pith verify - &lt; DIR</c>); false if it cannot be told.</summary>
    internal static bool IsFolder(int descriptor) => HasType(descriptor, Folder);

    /// <summary>Whether a path leads (after following links) to a folder (true), to another file (false), or to nothing that can be told (null).</summary>
    public static bool? IsFolder(string path)
    {
        var status = stackalloc byte[StatxBytes];
        if (TryStatx(AtCurrentDirectory, path, 0, StatxType, status) != true) return null;
        return IsType(status, Folder);
    }

    /// <summary>
    /// The file a path leads to (after following every link), as its device and inode: two paths with the same identity
    /// are one file, however spelt or linked. Null when it cannot be told (no such file, no statx).
    /// </summary>
    public static (ulong Device, ulong Inode)? Identity(string path)
    {
        var status = stackalloc byte[StatxBytes];
        if (TryStatx(AtCurrentDirectory, path, 0, StatxInode, status) != true) return null;
        var device = ((ulong)*(uint*)(status + DeviceOffset) << 32) | *(uint*)(status + DeviceOffset + 4);
        return (device, *(ulong*)(status + InodeOffset));
    }

    /// <summary>statx into <paramref name="status"/>: whether it succeeded, or null when there is no statx to ask.</summary>
    private static bool? TryStatx(int directory, string path, int flags, uint mask, byte* status)
    {
        if (!s_statx) return null;
        try
        {
            fixed (byte* name = FileNames.Encode(path)) return Statx(directory, name, flags, mask, status) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            s_statx = false;
            return null;
        }
    }

    private static bool IsRegular(byte* status) => IsType(status, RegularFile);

    // The file type in statx's mode (S_IFMT bits).
    private static bool IsType(byte* status, int type) => (*(ushort*)(status + ModeOffset) & TypeMask) == type;

    // Whether an open file is of this type; false if it cannot be told.
    private static bool HasType(int descriptor, int type)
    {
        var status = stackalloc byte[StatxBytes];
        return TryStatx(descriptor, "", AtEmptyPath, StatxType, status) == true && IsType(status, type);
    }

    [LibraryImport("libc", EntryPoint = "statx")]
    private static partial int Statx(int directory, byte* path, int flags, uint mask, byte* status);
}
