using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

// SHA-1 because wget and most WARC writers record payload digests in it.
#pragma warning disable CA5350

namespace StaticDossier.Tests.Support;

/// <summary>WARC records written by hand, for the edge cases no tool writes on purpose.</summary>
internal static class HandMadeWarc
{
    /// <summary>A response record for <paramref name="uri"/> whose HTTP answer carries <paramref name="body"/>;
    /// <paramref name="digest"/> null computes the right sha1 (as wget writes it), "" leaves the field out.</summary>
    public static byte[] Response(string uri, string body, string contentType = "text/html; charset=utf-8", int status = 200,
        string? digest = null, string type = "response", string httpExtra = "", string date = "2026-03-05T08:09:10Z")
    {
        var payload = Encoding.UTF8.GetBytes(body);
        var http = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\n{httpExtra}Content-Length: {payload.Length}\r\n\r\n");
        return Record(type, uri, [.. http, .. payload], digest ?? "sha1:" + Base32(SHA1.HashData(payload)), date);
    }

    /// <summary>Any record with <paramref name="block"/> as its block.</summary>
    public static byte[] Record(string type, string? uri, byte[] block, string? digest = "", string date = "2026-03-05T08:09:10Z", string contentType = "application/http; msgtype=response")
    {
        var head = new StringBuilder("WARC/1.1\r\n");
        head.Append(CultureInfo.InvariantCulture, $"WARC-Type: {type}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"WARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\n");
        head.Append(CultureInfo.InvariantCulture, $"WARC-Date: {date}\r\n");
        if (uri is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"WARC-Target-URI: {uri}\r\n");
        }

        if (!string.IsNullOrEmpty(digest))
        {
            head.Append(CultureInfo.InvariantCulture, $"WARC-Payload-Digest: {digest}\r\n");
        }

        head.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {block.Length}\r\n\r\n");
        return [.. Encoding.UTF8.GetBytes(head.ToString()), .. block, .. "\r\n\r\n"u8];
    }

    /// <summary>One gzip member per record, as WARC writers do.</summary>
    public static byte[] Gzip(params byte[][] records)
    {
        using var output = new MemoryStream();
        foreach (var record in records)
        {
            using var member = new MemoryStream();
            using (var gzip = new GZipStream(member, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(record);
            }

            output.Write(member.ToArray());
        }

        return output.ToArray();
    }

    public static byte[] Plain(params byte[][] records) => [.. records.SelectMany(r => r)];

    public static string Base32(byte[] bytes)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var sb = new StringBuilder();
        int buffer = 0, bits = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                sb.Append(Alphabet[(buffer >> bits) & 31]);
            }
        }

        if (bits > 0)
        {
            sb.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return sb.ToString();
    }
}
