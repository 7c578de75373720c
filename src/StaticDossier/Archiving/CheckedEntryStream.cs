using System.IO.Hashing;

namespace StaticDossier.Archiving;

/// <summary>A zip entry's data, or part of it, is not what the central directory says (length, CRC-32).</summary>
internal sealed class ZipEntryDamagedException(string message) : IOException(message);

/// <summary>Reads a zip entry's inflated data and holds it to the central directory: never more bytes than the
/// entry's declared size (a small entry that inflates to gigabytes stops at once), and at the end exactly that many,
/// with the declared CRC-32.</summary>
internal sealed class CheckedEntryStream(Stream inner, string name, long length, uint crc32) : IO.ReadOnlyWrapperStream(inner)
{
    private readonly Crc32 _crc = new();
    private long _read;

    public override long Length => length;

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> buffer)
    {
        // Ask for one byte past the declared end, so an entry that holds more is caught at its declared end.
        var want = (int)Math.Min(buffer.Length, Math.Max(1, length - _read + 1));
        int read;
        try
        {
            read = Inner.Read(buffer[..want]);
        }
        catch (InvalidDataException ex)
        {
            throw new ZipEntryDamagedException($"entry '{name}': {ex.Message}");
        }

        _read += read;
        if (_read > length)
        {
            throw new ZipEntryDamagedException($"entry '{name}' holds more than the {length:N0} bytes the central directory gives it");
        }

        _crc.Append(buffer[..read]);
        if (read == 0 && want > 0)
        {
            if (_read != length)
            {
                throw new ZipEntryDamagedException($"entry '{name}' holds {_read:N0} bytes; the central directory gives it {length:N0}");
            }

            if (_crc.GetCurrentHashAsUInt32() != crc32)
            {
                throw new ZipEntryDamagedException($"entry '{name}' does not match its CRC-32 in the central directory ({crc32:x8})");
            }
        }

        return read;
    }
}
