using System.Runtime.InteropServices;

namespace Pith.Inputs;

/// <summary>
/// A folder's entries, each with its kind. On 64-bit Linux they come from libc's readdir, whose d_type the kernel
/// hands over with the names (getdents64): no system call per entry. .NET tells links and FIFOs from regular files
/// only through FileSystemInfo.Attributes, an lstat and a geteuid per entry (FileSystemEnumerable's entry knows
/// d_type but shows only whether it is a folder). Names are decoded by <see cref="FileNames"/>, so that one that is not
/// UTF-8 keeps its true bytes. Elsewhere, or if libc fails, the .NET listing is used; it also words the errors.
/// </summary>
internal static unsafe partial class DirectoryListing
{
    /// <summary>How to list: <see cref="Typed"/>; the others take the fallbacks (for tests).</summary>
    internal enum Mode
    {
        Typed,
        /// <summary>readdir, as if the filesystem gave no d_type (DT_UNKNOWN), as some do.</summary>
        Untyped,
        /// <summary>.NET's listing, as on other operating systems.</summary>
        Managed,
    }

    internal readonly record struct Entry(string Name, EntryKind Kind);

    // struct dirent of glibc and musl on 64-bit Linux: d_ino u64, d_off i64, d_reclen u16, d_type u8, d_name.
    private const int TypeOffset = 18, NameOffset = 19;

    private static bool s_native = OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>The entries, unsorted, without "." and "..". Throws IOException or UnauthorizedAccessException.</summary>
    public static List<Entry> List(string folder, Mode mode = Mode.Typed)
    {
        if (mode != Mode.Managed && s_native && ListNative(folder, typed: mode == Mode.Typed) is { } entries) return entries;
        return [.. new DirectoryInfo(folder).GetFileSystemInfos().Select(static e => new Entry(e.Name, KindOf(e.Attributes)))];
    }

    /// <summary>The entries, or null if libc could not list them.</summary>
    private static List<Entry>? ListNative(string folder, bool typed)
    {
        nint dir;
        try
        {
            fixed (byte* path = FileNames.Encode(folder)) dir = OpenDir(path);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_native = false;
            return null;
        }
        if (dir == 0) return null;
        try
        {
            var entries = new List<Entry>();
            for (var entry = ReadDir(dir); entry != null; entry = ReadDir(dir))
            {
                var name = FileNames.Decode(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(entry + NameOffset));
                if (name is "." or "..") continue;
                var kind = (typed ? entry[TypeOffset] : 0) switch
                {
                    4 => EntryKind.Folder,            // DT_DIR
                    8 => EntryKind.RegularFile,       // DT_REG
                    10 => EntryKind.Link,             // DT_LNK
                    1 or 2 or 6 or 12 => EntryKind.Special, // DT_FIFO, DT_CHR, DT_BLK, DT_SOCK
                    _ => KindOf(Path.Combine(folder, name)), // DT_UNKNOWN: the filesystem did not say
                };
                entries.Add(new Entry(name, kind));
            }
            // A null entry ends the listing, or (with errno set) breaks it off.
            return Marshal.GetLastPInvokeError() == 0 ? entries : null;
        }
        finally
        {
            CloseDir(dir);
        }
    }

    private static EntryKind KindOf(string path)
    {
        try
        {
            return KindOf(File.GetAttributes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return EntryKind.Unknown; // gone since the listing: the reader says so
        }
    }

    // A file's own type (regular or not) is not in .NET's attributes: that is left to the reader's stat.
    private static EntryKind KindOf(FileAttributes attributes) =>
        attributes.HasFlag(FileAttributes.ReparsePoint) ? EntryKind.Link
        : attributes.HasFlag(FileAttributes.Directory) ? EntryKind.Folder
        : EntryKind.Unknown;

    [LibraryImport("libc", EntryPoint = "opendir")]
    private static partial nint OpenDir(byte* path);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static partial byte* ReadDir(nint dir);

    [LibraryImport("libc", EntryPoint = "closedir")]
    private static partial int CloseDir(nint dir);
}
