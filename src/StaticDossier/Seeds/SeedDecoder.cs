using System.Text;
using StaticDossier.Diagnostics;

namespace StaticDossier.Seeds;

/// <summary>Turns a seed's bytes into text: BOMs honoured, UTF-8 checked strictly, binary refused.</summary>
internal static class SeedDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>; null with a diagnostic when the file is not text.</summary>
    public static string? Decode(byte[] bytes, string display, DiagnosticBag diagnostics)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8(span[3..], display, diagnostics);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Normalise(Encoding.Unicode.GetString(span[2..]));
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Normalise(Encoding.BigEndianUnicode.GetString(span[2..]));
        }

        if (span.IndexOf((byte)0) >= 0)
        {
            diagnostics.Error(DiagnosticCodes.SeedUnreadable,
                "Seed looks binary (it contains NUL bytes). Save the page as HTML or plain text.", SourceLocation.InFile(display));
            return null;
        }

        return Utf8(span, display, diagnostics);
    }

    private static string? Utf8(ReadOnlySpan<byte> bytes, string display, DiagnosticBag diagnostics)
    {
        try
        {
            return Normalise(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException ex)
        {
            var (line, column) = PositionOf(bytes, ex.Index);
            diagnostics.Error(DiagnosticCodes.SeedUnreadable,
                "Seed is not valid UTF-8. Convert it to UTF-8 (e.g. `iconv -f windows-1258 -t utf-8`).",
                new SourceLocation(display, line, column));
            return null;
        }
    }

    // Vietnamese text arrives both precomposed and decomposed; NFC makes matching and hashing stable.
    private static string Normalise(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Normalize(NormalizationForm.FormC);

    private static (int Line, int Column) PositionOf(ReadOnlySpan<byte> bytes, int index)
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
