using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace StaticDossier.Warc;

/// <summary>The HTTP response kept in a WARC <c>response</c> record's block: status, headers and where the payload
/// (the entity body as transferred) starts.</summary>
/// <param name="Status">The status code.</param>
/// <param name="Headers">The response's headers, in order.</param>
/// <param name="PayloadStart">Index in the block where the payload starts.</param>
internal sealed record HttpResponseBlock(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, int PayloadStart)
{
    private static readonly System.Buffers.SearchValues<byte> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF"u8);

    /// <summary>The first header named <paramref name="name"/> (without case), or null.</summary>
    public string? this[string name] =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Reads the status line and headers; null with <paramref name="error"/> when the block is not an HTTP response.</summary>
    public static HttpResponseBlock? Parse(byte[] block, out string? error)
    {
        var end = HeaderEnd(block, out var payloadStart);
        if (end < 0)
        {
            error = "its HTTP headers never end (no empty line)";
            return null;
        }

        var lines = Encoding.Latin1.GetString(block, 0, end).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var status = lines[0].Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 100 or > 599)
        {
            error = $"'{(lines[0].Length > 60 ? lines[0][..60] + "…" : lines[0])}' is not an HTTP status line";
            return null;
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            if (line.Length > 0 && line[0] is ' ' or '\t' && headers.Count > 0)
            {
                headers[^1] = new(headers[^1].Key, headers[^1].Value + " " + line.Trim());
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        error = null;
        return new HttpResponseBlock(code, headers, payloadStart);
    }

    /// <summary>The entity body as the server meant it: transfer coding (chunked) and content coding (gzip, deflate,
    /// br) undone. Null with <paramref name="error"/> when either cannot be undone, or the result exceeds
    /// <paramref name="maxBytes"/>.</summary>
    public byte[]? Body(byte[] block, long maxBytes, out string? error)
    {
        var payload = block.AsSpan(PayloadStart).ToArray();
        if (IsChunked && Dechunk(payload) is { } plain)
        {
            payload = plain;
        }
        else if (IsChunked)
        {
            // Some tools store the body already de-chunked but keep the header; the bytes are then the body.
            if (LooksChunked(payload))
            {
                error = "its chunked transfer coding is broken";
                return null;
            }
        }

        var coding = this["Content-Encoding"]?.Trim().ToLowerInvariant();
        if (coding is null or "" or "identity")
        {
            error = payload.Length > maxBytes ? $"its page is {payload.Length:N0} bytes, over the cap of {maxBytes:N0}" : null;
            return error is null ? payload : null;
        }

        try
        {
            using var input = new MemoryStream(payload);
            using Stream decoder = coding switch
            {
                "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
                "deflate" => new ZLibStream(input, CompressionMode.Decompress),
                "br" => new BrotliStream(input, CompressionMode.Decompress),
                _ => throw new InvalidDataException($"its Content-Encoding '{coding}' is not one this reader knows"),
            };
            using var output = new MemoryStream();
            var chunk = new byte[1 << 16];
            int read;
            while ((read = decoder.Read(chunk)) > 0)
            {
                output.Write(chunk, 0, read);
                if (output.Length > maxBytes)
                {
                    error = $"its page is over the cap of {maxBytes:N0} bytes once decompressed";
                    return null;
                }
            }

            error = null;
            return output.ToArray();
        }
        catch (InvalidDataException ex)
        {
            error = ex.Message.StartsWith("its ", StringComparison.Ordinal) ? ex.Message : $"its {coding} content cannot be decompressed";
            return null;
        }
    }

    /// <summary>True when the response says its body was sent in chunks.</summary>
    public bool IsChunked => this["Transfer-Encoding"]?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The body of a chunked payload; null when it is not valid chunked coding.</summary>
    public static byte[]? Dechunk(ReadOnlySpan<byte> payload)
    {
        var output = new MemoryStream();
        var at = 0;
        while (true)
        {
            var lf = payload[at..].IndexOf((byte)'\n');
            if (lf < 0)
            {
                return null;
            }

            var sizeText = Encoding.Latin1.GetString(payload.Slice(at, lf)).TrimEnd('\r').Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
            {
                return null;
            }

            at += lf + 1;
            if (size == 0)
            {
                return output.ToArray(); // trailers, if any, are not body
            }

            if (at + size > payload.Length)
            {
                return null;
            }

            output.Write(payload.Slice(at, size));
            at += size;
            if (payload[at..].StartsWith("\r\n"u8))
            {
                at += 2;
            }
            else if (payload[at..].StartsWith("\n"u8))
            {
                at += 1;
            }
            else
            {
                return null;
            }
        }
    }

    private static bool LooksChunked(ReadOnlySpan<byte> payload)
    {
        var lf = payload.IndexOf((byte)'\n');
        return lf is > 0 and < 20 && payload[..lf].TrimEnd((byte)'\r').IndexOfAnyExcept(HexDigits) < 0;
    }

    private static int HeaderEnd(byte[] block, out int payloadStart)
    {
        var span = block.AsSpan();
        var crlf = span.IndexOf("\r\n\r\n"u8);
        var lf = span.IndexOf("\n\n"u8);
        if (crlf >= 0 && (lf < 0 || crlf < lf))
        {
            payloadStart = crlf + 4;
            return crlf;
        }

        payloadStart = lf >= 0 ? lf + 2 : -1;
        return lf;
    }
}
