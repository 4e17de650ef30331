using System.Runtime.InteropServices;

namespace Pith.Inputs;

/// <summary>
/// Whether a standard stream was closed when pith started (<c>&lt;&amp;-</c>, <c>&gt;&amp;-</c>). Its descriptor is then
/// the first file the runtime opened for itself (its signal pipe): reading it waits for ever and takes the signals'
/// bytes, and writing it writes into that pipe. The runtime opens every file close-on-exec, which an inherited standard
/// stream never is (it would not have survived the exec): that tells them apart. Unix only; elsewhere false.
/// </summary>
public static partial class StandardStreams
{
    public const int Input = 0;
    public const int Output = 1;

    private const int GetDescriptorFlags = 1; // F_GETFD
    private const int CloseOnExec = 1;        // FD_CLOEXEC

    public static bool IsClosed(int descriptor)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return false;
        var flags = Fcntl(descriptor, GetDescriptorFlags);
        return flags < 0 || (flags & CloseOnExec) != 0;
    }

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int descriptor, int command);
}
