using System.Buffers;
using System.Text;

namespace StaticDossier.IO;

/// <summary>Strict UTF-8 checks that can say where a file stops being UTF-8.</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The UTF-8 bytes of <paramref name="text"/>, encoded chunk by chunk into a pooled buffer without first
    /// making it one string (the encoder carries a surrogate pair split between chunks over; counting first would not,
    /// as counting never advances an encoder).</summary>
    public static byte[] Encode(StringBuilder text)
    {
        var encoder = Utf8.GetEncoder();
        var buffer = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        try
        {
            var written = 0;
            foreach (var chunk in text.GetChunks())
            {
                written += encoder.GetBytes(chunk.Span, buffer.AsSpan(written), flush: false);
            }

            written += encoder.GetBytes([], buffer.AsSpan(written), flush: true);
            // Every byte is copied over, so the array need not be cleared first (a site's worth of clearing).
            var bytes = GC.AllocateUninitializedArray<byte>(written);
            buffer.AsSpan(0, written).CopyTo(bytes);
            return bytes;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
