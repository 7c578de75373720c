using System.Diagnostics;
using System.Net.Sockets;
using StaticDossier.IO;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.IO;

/// <summary>A file is read up to a cap counted while reading, whatever its metadata said, and only a regular file is
/// ever opened. A file that changes size while it is read is played by a stream holding more or fewer bytes than the
/// size taken before opening it, which is what the reader sees when another process appends or truncates.</summary>
public sealed class DossierFilesReadTests
{
    [Fact]
    public void AFileThatGrewWhileReadIsReadWhole()
    {
        var bytes = "0123456789abcdef"u8.ToArray();
        using var stream = new MemoryStream(bytes);
        var read = DossierFiles.ReadCapped(stream, length: 10, cap: 100, out var size);
        Assert.Equal(bytes, read);
        Assert.Equal(10, size);
    }

    [Fact]
    public void AFileThatGrewPastTheCapWhileReadIsRefusedWithTheBytesCounted()
    {
        // Its metadata said 10 bytes, under the cap of 1,000; the process writing it kept going.
        using var stream = new MemoryStream(new byte[300_000]);
        var read = DossierFiles.ReadCapped(stream, length: 10, cap: 1_000, out var size);
        Assert.Null(read);
        Assert.True(size < -1_000, $"size {size}: minus the bytes counted, past the cap");
        Assert.True(stream.Position < stream.Length, "reading stopped once past the cap, not at the end");
    }

    [Fact]
    public void AFileThatGrewByOneByteIsReadWholeOrRefusedAtTheCap()
    {
        using var under = new MemoryStream("0123456789a"u8.ToArray());
        Assert.Equal("0123456789a"u8.ToArray(), DossierFiles.ReadCapped(under, length: 10, cap: 11, out var size));
        Assert.Equal(10, size);

        using var over = new MemoryStream("0123456789a"u8.ToArray());
        Assert.Null(DossierFiles.ReadCapped(over, length: 10, cap: 10, out size));
        Assert.Equal(-11, size);
    }

    [Fact]
    public void AFileOfTheSizeItSaidCostsLittleMoreThanItsBytes()
    {
        // A build reads every content page and every seed: a growth buffer per file was 80 KB to collect per page.
        using var stream = new MemoryStream(new byte[1_000]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = DossierFiles.ReadCapped(stream, length: 1_000, cap: 10_000, out _);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1_000, read!.Length);
        Assert.True(allocated < 4_000, $"{allocated} bytes allocated to read 1,000");
    }

    [Fact]
    public void AFileThatShrankWhileReadIsWhatIsLeft()
    {
        using var stream = new MemoryStream("short"u8.ToArray());
        var read = DossierFiles.ReadCapped(stream, length: 1_000, cap: 10_000, out var size);
        Assert.Equal("short"u8.ToArray(), read);
        Assert.Equal(5, size);
    }

    [Fact]
    public void KindsAreToldApart()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "statx is Linux's");
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        dossier.Write("file.txt", "text");
        dossier.Write("empty.txt", "");
        Assert.Equal(FileKind.Regular, FileKinds.Of(dossier.PathOf("file.txt")));
        Assert.Equal(FileKind.Regular, FileKinds.Of(dossier.PathOf("empty.txt")));
        Assert.Equal(FileKind.Directory, FileKinds.Of(dossier.Root));
        Assert.Equal(FileKind.Device, FileKinds.Of("/dev/null"));
        Assert.Equal(FileKind.Unknown, FileKinds.Of(dossier.PathOf("missing")));

        var fifo = dossier.PathOf("pipe");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]))!)
        {
            mkfifo.WaitForExit();
        }

        Assert.Equal(FileKind.Pipe, FileKinds.Of(fifo));
        var error = Assert.Throws<IOException>(() => DossierFiles.Read(fifo, 100, out _));
        Assert.Equal("'pipe' is a named pipe (FIFO), not a regular file; pipes, devices and sockets are never opened.", error.Message);
        Assert.Empty(DossierFiles.Read(dossier.PathOf("empty.txt"), 100, out _)!);

        var socketPath = dossier.PathOf("sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        Assert.Equal(FileKind.Socket, FileKinds.Of(socketPath));
        Assert.Contains("is a socket", Assert.Throws<IOException>(() => DossierFiles.Read(socketPath, 100, out _)).Message, StringComparison.Ordinal);
    }
}
