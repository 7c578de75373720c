using System.IO.Compression;

namespace StaticDossier.Archiving;

/// <summary>Serialises a bag as a plain zip (RFC 8493 §4.2: one top-level folder, named after the bag) that is
/// byte-identical for the same bag: entries in ordinal order, one fixed timestamp, fixed permissions, a fixed
/// compression level, no directory entries and no extra fields.</summary>
internal static class ZipWriter
{
    /// <summary>Regular file, rw-r--r--, in the Unix mode bits of the external attributes.</summary>
    public const int FileAttributes = unchecked((int)(0x81A4u << 16));

    /// <summary>The compression level; part of what makes two snapshots identical.</summary>
    public const CompressionLevel Level = CompressionLevel.SmallestSize;

    private static readonly DateTime DosEpoch = new(1980, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly DateTime DosEnd = new(2107, 12, 31, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Every entry's modification time: midnight of the Bagging-Date (zip times hold 1980–2107 only), else 1980-01-01.</summary>
    public static DateTimeOffset TimestampFor(DateOnly? baggingDate)
    {
        var day = baggingDate?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) ?? DosEpoch;
        day = day < DosEpoch ? DosEpoch : day > DosEnd ? DosEnd : day;

        // The zip stores this wall-clock time as it is; the offset is not written, so the time zone never matters.
        return new DateTimeOffset(day, TimeSpan.Zero);
    }

    /// <summary>The zip as bytes.</summary>
    public static byte[] ToBytes(Bag bag)
    {
        using var memory = new MemoryStream();
        Write(bag, memory);
        return memory.ToArray();
    }

    /// <summary>Writes the zip to <paramref name="output"/>, which must be seekable (so no data descriptors are written).</summary>
    public static void Write(Bag bag, Stream output)
    {
        if (!output.CanSeek)
        {
            throw new ArgumentException("The zip is written to a seekable stream, so that its bytes never depend on the stream.", nameof(output));
        }

        var timestamp = TimestampFor(bag.BaggingDate);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var file in bag.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var entry = zip.CreateEntry(bag.Name + "/" + file.Path, Level);
            entry.LastWriteTime = timestamp;
            entry.ExternalAttributes = FileAttributes;
            using var stream = entry.Open();
            stream.Write(file.Bytes);
        }
    }
}
