using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using StaticDossier.Diagnostics;

namespace StaticDossier.Archiving;

/// <summary>Checks a zip's structure before its entries are trusted, as unzip and Python's zipfile do and .NET's
/// reader does not: the end-of-central-directory record (and its zip64 twin) must agree with where the central
/// directory really is and how many entries it holds; each central-directory header must be whole; each entry's
/// local header must exist, name the same file and, where it states them, the same CRC-32 and sizes; and no entry's
/// data may run into the next or into the central directory. Each inconsistency is one SD0551 naming the entry.
/// The CRC-32 of each entry's data is checked as it is read (<see cref="CheckedEntryStream"/>).</summary>
internal static class ZipStructure
{
    private const uint LocalSignature = 0x04034b50;
    private const uint CentralSignature = 0x02014b50;
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const int EndLength = 22;
    private const int MaxComment = 0xFFFF;

    /// <summary>Checks the zip in <paramref name="stream"/>; false, with a diagnostic for each problem, when it is inconsistent.</summary>
    public static bool Check(Stream stream, string display, DiagnosticBag diagnostics)
    {
        var problems = new List<string>();
        Check(stream, problems);
        foreach (var problem in problems.Take(20))
        {
            diagnostics.Error(DiagnosticCodes.BagUnreadable, $"'{display}' is not a consistent zip archive: {problem}", SourceLocation.InFile(display));
        }

        if (problems.Count > 20)
        {
            diagnostics.Error(DiagnosticCodes.BagUnreadable, $"'{display}': {problems.Count - 20} more structural problems.", SourceLocation.InFile(display));
        }

        return problems.Count == 0;
    }

    private static void Check(Stream stream, List<string> problems)
    {
        var length = stream.Length;
        var tailLength = (int)Math.Min(length, EndLength + MaxComment);
        var tail = ReadAt(stream, length - tailLength, tailLength);
        var end = FindEnd(tail);
        if (end < 0)
        {
            problems.Add("no end-of-central-directory record at its end (truncated, or not a zip).");
            return;
        }

        var endAt = length - tailLength + end;
        var record = tail.AsSpan(end);
        long disk = U16(record, 4), cdDisk = U16(record, 6), onDisk = U16(record, 8), total = U16(record, 10);
        long cdSize = U32(record, 12), cdOffset = U32(record, 16);
        var directoryEnd = endAt;
        if (onDisk == 0xFFFF || total == 0xFFFF || cdSize == 0xFFFFFFFF || cdOffset == 0xFFFFFFFF)
        {
            // Zip64: the locator sits just before the record and points at the zip64 end record.
            var locator = endAt >= 20 ? ReadAt(stream, endAt - 20, 20) : [];
            if (locator.Length < 20 || U32(locator, 0) != Zip64LocatorSignature)
            {
                problems.Add("the end-of-central-directory record calls for zip64, but there is no zip64 locator before it.");
                return;
            }

            var zip64At = (long)U64(locator, 8);
            var zip64 = zip64At >= 0 && zip64At + 56 <= endAt - 20 ? ReadAt(stream, zip64At, 56) : [];
            if (zip64.Length < 56 || U32(zip64, 0) != Zip64EndSignature)
            {
                problems.Add($"the zip64 locator points at byte {zip64At.ToString(CultureInfo.InvariantCulture)}, where there is no zip64 end record.");
                return;
            }

            (disk, cdDisk, onDisk, total) = (U32(zip64, 16), U32(zip64, 20), (long)U64(zip64, 24), (long)U64(zip64, 32));
            (cdSize, cdOffset) = ((long)U64(zip64, 40), (long)U64(zip64, 48));
            directoryEnd = zip64At;
        }

        if (disk != 0 || cdDisk != 0)
        {
            problems.Add("it claims to be one part of a multi-part (spanned) archive.");
            return;
        }

        if (onDisk != total)
        {
            problems.Add($"the end-of-central-directory record counts {onDisk.ToString(CultureInfo.InvariantCulture)} entries on this disk and {total.ToString(CultureInfo.InvariantCulture)} in all.");
        }

        if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize != directoryEnd)
        {
            problems.Add($"the end-of-central-directory record puts the central directory at byte {cdOffset.ToString(CultureInfo.InvariantCulture)}, " +
                         $"{cdSize.ToString(CultureInfo.InvariantCulture)} bytes long, but it ends at byte {directoryEnd.ToString(CultureInfo.InvariantCulture)}.");
            return;
        }

        if (cdSize > 1L << 30)
        {
            problems.Add("the central directory is larger than 1 GiB.");
            return;
        }

        var directory = ReadAt(stream, cdOffset, (int)cdSize);
        var entries = ReadDirectory(directory, total, problems);
        CheckLocalHeaders(stream, entries, cdOffset, problems);
    }

    private static List<Entry> ReadDirectory(byte[] directory, long total, List<string> problems)
    {
        var entries = new List<Entry>();
        var at = 0;
        while (at < directory.Length)
        {
            var header = directory.AsSpan(at);
            if (header.Length < 46 || U32(header, 0) != CentralSignature)
            {
                problems.Add($"the central directory breaks off after {entries.Count.ToString(CultureInfo.InvariantCulture)} entries (byte {at.ToString(CultureInfo.InvariantCulture)} is not an entry header).");
                return entries;
            }

            int nameLength = U16(header, 28), extraLength = U16(header, 30), commentLength = U16(header, 32);
            var size = 46 + nameLength + extraLength + commentLength;
            if (size > header.Length)
            {
                problems.Add($"the last central-directory entry runs past the end of the central directory.");
                return entries;
            }

            var name = Encoding.UTF8.GetString(header.Slice(46, nameLength));
            long compressed = U32(header, 20), uncompressed = U32(header, 24), offset = U32(header, 42);
            ReadZip64Extra(header.Slice(46 + nameLength, extraLength), ref uncompressed, ref compressed, ref offset);
            entries.Add(new Entry(name, U16(header, 8), U32(header, 16), compressed, uncompressed, offset));
            at += size;
        }

        if (entries.Count != total)
        {
            problems.Add($"the end-of-central-directory record counts {total.ToString(CultureInfo.InvariantCulture)} entries; the central directory holds {entries.Count.ToString(CultureInfo.InvariantCulture)}.");
        }

        return entries;
    }

    private static void CheckLocalHeaders(Stream stream, List<Entry> entries, long cdOffset, List<string> problems)
    {
        var seen = new SortedDictionary<long, Entry>();
        foreach (var entry in entries)
        {
            var header = entry.Offset >= 0 && entry.Offset + 30 <= cdOffset ? ReadAt(stream, entry.Offset, 30) : [];
            if (header.Length < 30 || U32(header, 0) != LocalSignature)
            {
                problems.Add($"entry '{entry.Name}': no local header at byte {entry.Offset.ToString(CultureInfo.InvariantCulture)}, where the central directory puts it.");
                continue;
            }

            int nameLength = U16(header, 26), extraLength = U16(header, 28);
            var more = ReadAt(stream, entry.Offset + 30, nameLength + extraLength);
            var name = Encoding.UTF8.GetString(more, 0, Math.Min(nameLength, more.Length));
            if (name != entry.Name)
            {
                problems.Add($"entry '{entry.Name}': its local header names '{name}'.");
                continue;
            }

            // Without a data descriptor (flag bit 3) the local header repeats the CRC-32 and sizes.
            if ((entry.Flags & 0x8) == 0)
            {
                long compressed = U32(header, 18), uncompressed = U32(header, 22);
                if (more.Length >= nameLength + extraLength)
                {
                    var offset = 0L;
                    ReadZip64Extra(more.AsSpan(nameLength, extraLength), ref uncompressed, ref compressed, ref offset);
                }

                if (U32(header, 14) != entry.Crc32)
                {
                    problems.Add($"entry '{entry.Name}': the CRC-32 in its local header ({U32(header, 14):x8}) differs from the central directory's ({entry.Crc32:x8}).");
                }

                if (compressed != entry.Compressed || uncompressed != entry.Uncompressed)
                {
                    problems.Add($"entry '{entry.Name}': the sizes in its local header differ from the central directory's.");
                }
            }

            var dataEnd = entry.Offset + 30 + nameLength + extraLength + entry.Compressed;
            if (dataEnd > cdOffset)
            {
                problems.Add($"entry '{entry.Name}': its data runs into the central directory.");
            }

            if (!seen.TryAdd(entry.Offset, entry with { Compressed = dataEnd }))
            {
                problems.Add($"entry '{entry.Name}': it shares its data with entry '{seen[entry.Offset].Name}'.");
            }
        }

        // In offset order, each entry's data must end before the next entry's header starts.
        Entry? previous = null;
        foreach (var entry in seen.Values)
        {
            if (previous is not null && previous.Compressed > entry.Offset)
            {
                problems.Add($"entry '{previous.Name}': its data overlaps entry '{entry.Name}'.");
            }

            previous = entry;
        }
    }

    /// <summary>Where the end record starts in <paramref name="tail"/>: the last signature whose comment length ends exactly at the file's end.</summary>
    private static int FindEnd(byte[] tail)
    {
        for (var at = tail.Length - EndLength; at >= 0; at--)
        {
            if (U32(tail, at) == EndSignature && at + EndLength + U16(tail, at + 20) == tail.Length)
            {
                return at;
            }
        }

        return -1;
    }

    private static void ReadZip64Extra(ReadOnlySpan<byte> extra, ref long uncompressed, ref long compressed, ref long offset)
    {
        while (extra.Length >= 4)
        {
            int id = U16(extra, 0), size = U16(extra, 2);
            if (size > extra.Length - 4)
            {
                return;
            }

            if (id == 0x0001)
            {
                var field = extra.Slice(4, size);
                var at = 0;
                if (uncompressed == 0xFFFFFFFF && at + 8 <= field.Length) { uncompressed = (long)U64(field, at); at += 8; }
                if (compressed == 0xFFFFFFFF && at + 8 <= field.Length) { compressed = (long)U64(field, at); at += 8; }
                if (offset == 0xFFFFFFFF && at + 8 <= field.Length) { offset = (long)U64(field, at); }
                return;
            }

            extra = extra[(4 + size)..];
        }
    }

    private static byte[] ReadAt(Stream stream, long offset, int count)
    {
        if (offset < 0 || count <= 0 || offset >= stream.Length)
        {
            return [];
        }

        var buffer = new byte[(int)Math.Min(count, stream.Length - offset)];
        stream.Position = offset;
        stream.ReadExactly(buffer);
        return buffer;
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);

    private static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);

    private static ulong U64(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);

    private sealed record Entry(string Name, int Flags, uint Crc32, long Compressed, long Uncompressed, long Offset);
}
