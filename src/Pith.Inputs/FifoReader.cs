using System.Runtime.InteropServices;
using Pith.Core.Documents;

namespace Pith.Inputs;

/// <summary>
/// Reads a FIFO the user named (a <c>--keys</c> file) without waiting unseen for a writer. The FIFO is first opened
/// O_RDONLY|O_NONBLOCK, which never waits, and read once: data, or EAGAIN (nothing yet), means something writes to it
/// (a process substitution, <c>--keys &lt;(curl …)</c>, or a program that opened it first), so O_NONBLOCK is cleared and
/// it is read to its end as before. A read of 0 means no writer now: the caller is told (to say so on the terminal),
/// and the FIFO is opened again blocking, on a thread of its own, as before; until a writer comes, a cancellation (the
/// first Ctrl-C or SIGTERM) ends the wait at once. Once a writer is there, it is read to its end, whatever comes.
/// Through libc's open(2), read(2), fcntl(2) and close(2); Linux only (the flags and errno values are Linux's on x86-64
/// and arm64). Elsewhere <see cref="TryRead"/> returns null, for the caller to read the file the general way.
/// </summary>
internal static unsafe partial class FifoReader
{
    // O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, and the same without O_NONBLOCK.
    private const int NonBlocking = 0x800;
    private const int ProbeFlags = 0x0 | NonBlocking | 0x100 | 0x80000;
    private const int BlockingFlags = 0x0 | 0x100 | 0x80000;
    private const int GetStatusFlags = 3; // F_GETFL
    private const int SetStatusFlags = 4; // F_SETFL
    private const int Interrupted = 4;    // EINTR
    private const int TryAgain = 11;      // EAGAIN

    /// <summary>The reason given when the wait for a writer was cancelled.</summary>
    public const string Cancelled = "interrupted while waiting for a program to write to it";

    private static bool s_available =
        OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>
    /// The FIFO's bytes, or why they cannot be had (<see cref="Cancelled"/> when <paramref name="cancel"/> ended the wait
    /// for a writer); null if it is not read here (no native support, not a FIFO, an error for .NET to word).
    /// <paramref name="waiting"/> is called once, before waiting, when nothing writes to the FIFO.
    /// </summary>
    public static ParseResult<byte[]>? TryRead(string path, Action waiting, CancellationToken cancel)
    {
        if (!s_available) return null;
        var name = FileNames.Encode(path);
        int descriptor;
        try
        {
            fixed (byte* bytes = name) descriptor = Open(bytes, ProbeFlags, 0);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_available = false;
            return null;
        }
        if (descriptor < 0) return null;
        var data = new MemoryStream();
        var buffer = new byte[1 << 16];
        try
        {
            if (!FileKind.IsFifo(descriptor)) return null;
            var read = ReadOnce(descriptor, buffer);
            if (read > 0 || (read < 0 && Marshal.GetLastPInvokeError() == TryAgain))
            {
                // A writer: read to the end, waiting for it as any read of a pipe does.
                if (read > 0) data.Write(buffer, 0, (int)read);
                var flags = Fcntl(descriptor, GetStatusFlags, 0);
                if (flags < 0 || Fcntl(descriptor, SetStatusFlags, flags & ~NonBlocking) < 0) return null;
                return ReadToEnd(descriptor, data, buffer);
            }
            if (read < 0) return null;
        }
        finally
        {
            Close(descriptor);
        }

        // No writer now. Closed before saying so: a program that opens the FIFO for writing once it has read the notice
        // then waits for the blocking open below, and nothing it writes is lost with a reader gone in between.
        waiting();
        var connected = new ManualResetEventSlim();
        ParseResult<byte[]>? result = null;
        var reader = new Thread(() =>
        {
            try
            {
                int blocking;
                do
                {
                    fixed (byte* bytes = name) blocking = Open(bytes, BlockingFlags, 0);
                }
                while (blocking < 0 && Marshal.GetLastPInvokeError() == Interrupted);
                connected.Set();
                if (blocking < 0) return;
                try
                {
                    result = ReadToEnd(blocking, data, buffer);
                }
                finally
                {
                    Close(blocking);
                }
            }
            finally
            {
                connected.Set();
            }
        })
        {
            // A wait given up (the process is ending) must not keep the process alive.
            IsBackground = true,
            Name = "pith FIFO reader",
        };
        reader.Start();
        WaitHandle.WaitAny([connected.WaitHandle, cancel.WaitHandle]);
        // A writer that came as the signal did wins: it is read, as one that was there from the start would be.
        if (!connected.IsSet) return ParseResult<byte[]>.ForError(Cancelled);
        reader.Join();
        return result;
    }

    private static long ReadOnce(int descriptor, byte[] buffer)
    {
        nint read;
        do
        {
            fixed (byte* start = buffer) read = Read(descriptor, start, buffer.Length);
        }
        while (read < 0 && Marshal.GetLastPInvokeError() == Interrupted);
        return read;
    }

    /// <summary>Reads until the end (every writer gone), or says why it could not.</summary>
    private static ParseResult<byte[]> ReadToEnd(int descriptor, MemoryStream data, byte[] buffer)
    {
        while (true)
        {
            var read = ReadOnce(descriptor, buffer);
            if (read < 0) return ParseResult<byte[]>.ForError(Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()).ToLowerInvariant());
            if (read == 0) return ParseResult<byte[]>.ForValue(data.ToArray());
            data.Write(buffer, 0, (int)read);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int Open(byte* path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int descriptor, int command, int argument);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
