using System.Runtime.InteropServices;

namespace StaticDossier.IO;

/// <summary>What a path names, as far as reading it goes.</summary>
internal enum FileKind
{
    /// <summary>The kind could not be asked (not Linux, or the call failed): treat with care.</summary>
    Unknown,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A named pipe: opening it for reading waits for a writer.</summary>
    Pipe,

    /// <summary>A character or block device (<c>/dev/zero</c> never ends).</summary>
    Device,

    /// <summary>A Unix socket: it cannot be opened as a file at all.</summary>
    Socket,
}

/// <summary>Asks the system what kind of file a path names. .NET tells folders and links apart but not pipes,
/// devices and sockets from files (all report a size of 0), so an empty page and a FIFO got one message; statx(2)
/// has one layout on every Linux architecture, unlike stat(2), so its mode can be read without per-platform structs.</summary>
internal static partial class FileKinds
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28; // struct statx: u32 mask, u32 blksize, u64 attributes, u32 nlink, u32 uid, u32 gid, u16 mode
    private const int StatxSize = 256;

    /// <summary>The kind of file <paramref name="path"/> names, following links.</summary>
    public static FileKind Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return FileKind.Unknown;
        }

        Span<byte> buffer = stackalloc byte[StatxSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return FileKind.Unknown;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return FileKind.Unknown; // a C library older than glibc 2.28 or musl 1.2.5
        }

        var mode = BitConverter.ToUInt16(buffer[ModeOffset..]);
        return (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Pipe,
            0x2000 or 0x6000 => FileKind.Device,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
    }

    /// <summary>The kind in words, for a diagnostic ("a named pipe (FIFO)").</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Pipe => "a named pipe (FIFO)",
        FileKind.Device => "a device",
        FileKind.Socket => "a socket",
        FileKind.Directory => "a folder",
        _ => "not a regular file",
    };

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, Span<byte> buffer);
}
