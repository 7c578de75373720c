using System.Buffers;
using System.Text;

namespace StaticDossier.IO;

/// <summary>Strict UTF-8 checks that can say where a file stops being UTF-8.</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The UTF-8 bytes of <paramref name="text"/>, encoded chunk by chunk without first making it one string
    /// (a surrogate pair split between chunks is carried over by the encoder).</summary>
    public static byte[] Encode(StringBuilder text)
    {
        var encoder = Utf8.GetEncoder();
        var count = 0;
        foreach (var chunk in text.GetChunks())
        {
            count += encoder.GetByteCount(chunk.Span, flush: false);
        }

        count += encoder.GetByteCount([], flush: true);
        encoder.Reset();
        var bytes = new byte[count];
        var written = 0;
        foreach (var chunk in text.GetChunks())
        {
            written += encoder.GetBytes(chunk.Span, bytes.AsSpan(written), flush: false);
        }

        encoder.GetBytes([], bytes.AsSpan(written), flush: true);
        return bytes;
    }

    /// <summary>The index of the first byte that breaks UTF-8, or -1 when all of <paramref name="bytes"/> is valid.</summary>
    public static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        // The vectorised check settles the usual case; the rune walk only runs to find where a bad file goes wrong.
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return -1;
        }

        var at = 0;
        while (at < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) != OperationStatus.Done)
            {
                return at;
            }

            at += consumed;
        }

        return -1;
    }

    /// <summary>Decodes bytes already checked with <see cref="FirstInvalidByte"/>.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) => Strict.GetString(bytes);

    /// <summary>1-based line and column (in characters) of byte <paramref name="index"/>.</summary>
    public static (int Line, int Column) PositionOf(ReadOnlySpan<byte> bytes, int index)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((bytes[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }
}
