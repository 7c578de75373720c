using System.Buffers.Binary;
using System.IO.Compression;
using StaticDossier.Archiving;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Archiving;

/// <summary>Zips damaged in their structure (what unzip and Python's zipfile reject) are SD0551, naming the entry where
/// there is one; a tag file that inflates far past its size is refused without being read.</summary>
public sealed class DamagedZipTests(SnapshotFixture fixture) : IClassFixture<SnapshotFixture>
{
    private byte[] Zip() => ZipWriter.ToBytes(fixture.Bag);

    private static int EndRecord(byte[] zip) => zip.AsSpan().LastIndexOf("PK\x05\x06"u8);

    private static int DirectoryOffset(byte[] zip) => (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(EndRecord(zip) + 16));

    public static TheoryData<string> Damages() =>
    [
        "central-directory-size", "central-directory-offset", "central-directory-offset-past-end", "entry-count", "entry-count-on-disk",
        "comment-length", "central-crc", "local-crc", "both-crcs", "uncompressed-size-both", "local-name", "local-offset", "truncated",
        "central-signature", "disk-number",
    ];

    private static byte[] Damage(byte[] zip, string how)
    {
        var d = zip.ToArray();
        var end = EndRecord(d);
        var cd = DirectoryOffset(d);
        void Add32(int at, int delta) => BinaryPrimitives.WriteUInt32LittleEndian(d.AsSpan(at), BinaryPrimitives.ReadUInt32LittleEndian(d.AsSpan(at)) + (uint)delta);
        void Add16(int at, int delta) => BinaryPrimitives.WriteUInt16LittleEndian(d.AsSpan(at), (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(d.AsSpan(at)) + delta));
        switch (how)
        {
            case "central-directory-size": Add32(end + 12, -1); break;
            case "central-directory-offset": Add32(end + 16, 1); break;
            case "central-directory-offset-past-end": Add32(end + 16, d.Length); break;
            case "entry-count": Add16(end + 10, -1); break;
            case "entry-count-on-disk": Add16(end + 8, 1); break;
            case "comment-length": Add16(end + 20, 3); break;
            case "central-crc": d[cd + 16] ^= 0xFF; break;
            case "local-crc": d[14] ^= 0xFF; break;
            case "both-crcs": d[cd + 16] ^= 0x01; d[14] ^= 0x01; break;
            case "uncompressed-size-both": Add32(cd + 24, 1); Add32(22, 1); break;
            case "local-name": d[30] ^= 0x20; break;
            case "local-offset": Add32(cd + 42, 1); break;
            case "truncated": return d[..(d.Length - 30)];
            case "central-signature": d[cd] = (byte)'X'; break;
            case "disk-number": Add16(end + 4, 1); break;
            default: throw new ArgumentException(how);
        }

        return d;
    }

    [Theory]
    [MemberData(nameof(Damages))]
    public void EveryStructuralDamageIsSD0551(string how)
    {
        using var dir = new TempDossier(withSeeds: false, withTemplates: false);
        var path = dir.PathOf("damaged.zip");
        File.WriteAllBytes(path, Damage(Zip(), how));

        var diagnostics = new DiagnosticBag();
        using var source = BagReader.Open(path, diagnostics);
        var valid = source is not null && BagVerifier.Verify(source, diagnostics).IsValid;

        Assert.False(valid, string.Join('\n', diagnostics));
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.BagUnreadable && d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("central-crc")]
    [InlineData("both-crcs")]
    [InlineData("uncompressed-size-both")]
    [InlineData("local-name")]
    public void TheDamagedEntryIsNamed(string how)
    {
        using var dir = new TempDossier(withSeeds: false, withTemplates: false);
        var path = dir.PathOf("damaged.zip");
        File.WriteAllBytes(path, Damage(Zip(), how));
        var diagnostics = new DiagnosticBag();
        using var source = BagReader.Open(path, diagnostics);
        if (source is not null)
        {
            BagVerifier.Verify(source, diagnostics);
        }

        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.BagUnreadable && d.Message.Contains("bag-info.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void AnUndamagedZipStillVerifies()
    {
        using var dir = new TempDossier(withSeeds: false, withTemplates: false);
        var path = dir.PathOf("ok.zip");
        File.WriteAllBytes(path, Zip());
        var diagnostics = new DiagnosticBag();
        using var source = BagReader.Open(path, diagnostics);
        Assert.NotNull(source);
        Assert.True(BagVerifier.Verify(source, diagnostics).IsValid, string.Join('\n', diagnostics));
    }

    [Theory]
    [InlineData("central-directory-size")]
    [InlineData("central-crc")]
    [InlineData("entry-count")]
    [InlineData("central-directory-offset-past-end")]
    public void TheCliSaysSD0551AndNoStackTrace(string how)
    {
        using var dir = new TempDossier(withSeeds: false, withTemplates: false);
        File.WriteAllBytes(dir.PathOf("damaged.zip"), Damage(Zip(), how));
        var (exit, stdout, stderr) = DossierProcess.Run(dir.Root, "verify", "damaged.zip");
        Assert.Equal(1, exit);
        Assert.Contains("error SD0551", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("valid bag", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ATagFileThatInflatesFarPastItsCapIsNotRead()
    {
        // 64 MB of one byte compresses to some 64 KB; a bagit.txt may hold 4 KB.
        using var dir = new TempDossier(withSeeds: false, withTemplates: false);
        var path = dir.PathOf("bomb.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using (var stream = zip.CreateEntry("bag/bagit.txt", CompressionLevel.SmallestSize).Open())
            {
                var block = new byte[1 << 20];
                Array.Fill(block, (byte)'B');
                for (var i = 0; i < 64; i++)
                {
                    stream.Write(block);
                }
            }

            using var manifest = new StreamWriter(zip.CreateEntry("bag/manifest-sha256.txt").Open());
            manifest.Write("");
        }

        var memory = GC.GetAllocatedBytesForCurrentThread();
        var diagnostics = new DiagnosticBag();
        using var source = BagReader.Open(path, diagnostics);
        Assert.NotNull(source);
        Assert.False(BagVerifier.Verify(source, diagnostics).IsValid);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.BagUnreadable && d.Message.Contains("bagit.txt", StringComparison.Ordinal));
        // Nothing near the 64 MB was held: the entry was never inflated.
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - memory < 16 << 20);
    }

    [Fact]
    public void AnEntryThatHoldsMoreThanItsDeclaredSizeStopsAtThatSize()
    {
        // Both headers say bagit.txt is 10 bytes; it inflates to 64 MB.
        using var dir = new TempDossier(withSeeds: false, withTemplates: false);
        var path = dir.PathOf("liar.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var stream = zip.CreateEntry("bag/bagit.txt", CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            for (var i = 0; i < 64; i++)
            {
                stream.Write(block);
            }
        }

        var bytes = File.ReadAllBytes(path);
        var cd = DirectoryOffset(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(22), 10);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(cd + 24), 10);
        File.WriteAllBytes(path, bytes);

        var memory = GC.GetAllocatedBytesForCurrentThread();
        var diagnostics = new DiagnosticBag();
        using var source = BagReader.Open(path, diagnostics);
        Assert.NotNull(source);
        Assert.False(BagVerifier.Verify(source, diagnostics).IsValid);
        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.BagUnreadable && d.Message.Contains("bagit.txt", StringComparison.Ordinal));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - memory < 16 << 20);
    }

    [Fact]
    public void TheBombIsRefusedByTheCliToo()
    {
        using var dir = new TempDossier(withSeeds: false, withTemplates: false);
        using (var zip = ZipFile.Open(dir.PathOf("bomb.zip"), ZipArchiveMode.Create))
        {
            using var stream = zip.CreateEntry("bag/bagit.txt", CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            for (var i = 0; i < 64; i++)
            {
                stream.Write(block);
            }
        }

        var (exit, _, stderr) = DossierProcess.Run(dir.Root, "verify", "bomb.zip");
        Assert.Equal(1, exit);
        Assert.Contains("SD0551", stderr, StringComparison.Ordinal);
        Assert.Contains("bagit.txt", stderr, StringComparison.Ordinal);
    }
}
