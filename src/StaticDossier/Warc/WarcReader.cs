using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace StaticDossier.Warc;

/// <summary>Reads WARC 1.0 and 1.1 records (ISO 28500) one at a time from a stream, plain or gzip-compressed (a WARC
/// written record by record as gzip members, as every tool does, is one gzip stream of many members, which
/// <see cref="GZipStream"/> reads through). Memory stays at one record's block however large the WARC is; a block
/// over the cap is read past and not kept. A malformed WARC ends in a <see cref="WarcFormatException"/> that says
/// where.</summary>
internal sealed class WarcReader : IDisposable
{
    /// <summary>Longest header section accepted; real ones are under a kilobyte.</summary>
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly long _maxBlock;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private long _offset;
    private int _line = 1;
    private int _records;

    /// <summary>Reads from <paramref name="stream"/> (owned: disposed with the reader); blocks longer than
    /// <paramref name="maxBlock"/> bytes are not kept.</summary>
    public WarcReader(Stream stream, long maxBlock)
    {
        _maxBlock = maxBlock;
        var head = new byte[2];
        var got = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        var prefixed = new PrefixedStream(head.AsSpan(0, got).ToArray(), stream);
        _stream = got == 2 && head[0] == 0x1F && head[1] == 0x8B ? new GZipStream(prefixed, CompressionMode.Decompress) : prefixed;
    }

    /// <summary>The next record, or null at the end of the WARC.</summary>
    /// <exception cref="WarcFormatException">The WARC is malformed or cut short here.</exception>
    public WarcRecord? Next()
    {
        try
        {
            return ReadRecord();
        }
        catch (InvalidDataException ex)
        {
            throw new WarcFormatException($"The gzip data is damaged ({ex.Message}); nothing after this point can be read.", _line, _offset);
        }
    }

    private WarcRecord? ReadRecord()
    {
        // Records end with two line breaks; a tool that wrote one more is forgiven.
        string? version;
        int line;
        long offset;
        do
        {
            line = _line;
            offset = _offset;
            version = ReadLine(MaxHeaderBytes);
            if (version is null)
            {
                return null;
            }
        }
        while (version.Length == 0);

        var number = ++_records;
        if (version is not ("WARC/1.0" or "WARC/1.1"))
        {
            throw new WarcFormatException(version.StartsWith("WARC/", StringComparison.Ordinal)
                ? $"Record {number} is {Short(version)}; only WARC/1.0 and WARC/1.1 are read."
                : $"Expected a record to start with 'WARC/1.0' or 'WARC/1.1', found '{Short(version)}' (record {number}, byte {offset}).", line, offset);
        }

        var fields = new List<KeyValuePair<string, string>>();
        var headerBytes = 0;
        while (true)
        {
            var fieldLine = _line;
            var text = ReadLine(MaxHeaderBytes) ?? throw new WarcFormatException($"Record {number} is cut short in its header.", _line, _offset);
            headerBytes += text.Length + 2;
            if (headerBytes > MaxHeaderBytes)
            {
                throw new WarcFormatException($"Record {number}'s header is longer than {MaxHeaderBytes} bytes.", fieldLine, _offset);
            }

            if (text.Length == 0)
            {
                break;
            }

            if (text[0] is ' ' or '\t' && fields.Count > 0)
            {
                // A continuation line (WARC 1.0 allows folding, as HTTP/1.1 did).
                fields[^1] = new(fields[^1].Key, fields[^1].Value + " " + text.Trim());
                continue;
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new WarcFormatException($"Record {number} has a header line that is not 'Name: value': '{Short(text)}'.", fieldLine, _offset);
            }

            fields.Add(new(text[..colon].Trim(), text[(colon + 1)..].Trim()));
        }

        var lengthText = fields.FirstOrDefault(f => f.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new WarcFormatException(lengthText is null
                ? $"Record {number} has no Content-Length, so where it ends is unknown."
                : $"Record {number}'s Content-Length '{Short(lengthText)}' is not a number of bytes.", line, offset);
        }

        byte[]? block = null;
        if (length <= _maxBlock)
        {
            block = new byte[length];
            var got = Read(block);
            if (got < length)
            {
                throw new WarcFormatException($"Record {number} is cut short: its block has {got} of the {length} bytes it declares.", _line, _offset);
            }
        }
        else
        {
            var skipped = Skip(length);
            if (skipped < length)
            {
                throw new WarcFormatException($"Record {number} is cut short: its block has {skipped} of the {length} bytes it declares.", _line, _offset);
            }
        }

        for (var i = 0; i < 2; i++)
        {
            var after = ReadLine(16);
            if (after is null)
            {
                break; // a last record without its closing line breaks is still whole
            }

            if (after.Length > 0)
            {
                throw new WarcFormatException(
                    $"Record {number} does not end where its Content-Length ({length}) says: found '{Short(after)}' instead of a line break.", _line - 1, _offset);
            }
        }

        return new WarcRecord(version, fields, length, number, line, offset, block);
    }

    /// <summary>One line without its CR LF (a bare LF is accepted), decoded as UTF-8; null at the end.</summary>
    private string? ReadLine(int max)
    {
        var bytes = new List<byte>();
        while (true)
        {
            if (_start == _end && !Fill())
            {
                return bytes.Count == 0 ? null : Decode(bytes);
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            var lf = span.IndexOf((byte)'\n');
            var take = lf >= 0 ? lf + 1 : span.Length;
            bytes.AddRange(span[..take]);
            Consume(take);
            if (lf >= 0)
            {
                bytes.RemoveAt(bytes.Count - 1);
                if (bytes.Count > 0 && bytes[^1] == '\r')
                {
                    bytes.RemoveAt(bytes.Count - 1);
                }

                return Decode(bytes);
            }

            if (bytes.Count > max)
            {
                throw new WarcFormatException($"A header line is longer than {max} bytes: this is not a WARC, or it is damaged.", _line, _offset);
            }
        }
    }

    private static string Decode(List<byte> bytes) => Encoding.UTF8.GetString(bytes.ToArray());

    private int Read(Span<byte> into)
    {
        var done = 0;
        while (done < into.Length)
        {
            if (_start == _end && !Fill())
            {
                break;
            }

            var take = Math.Min(into.Length - done, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(into[done..]);
            Consume(take);
            done += take;
        }

        return done;
    }

    private long Skip(long count)
    {
        long done = 0;
        while (done < count)
        {
            if (_start == _end && !Fill())
            {
                break;
            }

            var take = (int)Math.Min(count - done, _end - _start);
            Consume(take);
            done += take;
        }

        return done;
    }

    private void Consume(int count)
    {
        _line += _buffer.AsSpan(_start, count).Count((byte)'\n');
        _start += count;
        _offset += count;
    }

    private bool Fill()
    {
        _start = 0;
        _end = _stream.Read(_buffer, 0, _buffer.Length);
        return _end > 0;
    }

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    /// <summary>A stream whose first bytes were already read (to sniff for gzip) and are given back first.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream inner) : IO.ReadOnlyWrapperStream(inner)
    {
        private int _at;

        public override int Read(Span<byte> buffer)
        {
            if (_at < prefix.Length)
            {
                var take = Math.Min(buffer.Length, prefix.Length - _at);
                prefix.AsSpan(_at, take).CopyTo(buffer);
                _at += take;
                return take;
            }

            return Inner.Read(buffer);
        }
    }
}
