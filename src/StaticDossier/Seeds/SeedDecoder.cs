using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StaticDossier.Diagnostics;
using StaticDossier.IO;
using UtfUnknown;

namespace StaticDossier.Seeds;

/// <summary>Turns a seed's bytes into text. BOMs (UTF-8, UTF-16, UTF-32) are honoured, UTF-8 is checked
/// strictly, and a file that is not UTF-8 is decoded from the legacy encoding its HTML declares or a
/// detector recognises (windows-1258, windows-1251, …) with a warning; binary files are refused.
/// The text comes out NFC-normalised with '\n' line ends and no control characters.</summary>
internal static partial class SeedDecoder
{
    /// <summary>Legacy encodings a news page in this dossier plausibly comes in; anything else the detector
    /// proposes is too likely a wrong guess to publish silently.</summary>
    private static readonly HashSet<string> TrustedLegacy = new(StringComparer.OrdinalIgnoreCase)
    {
        "windows-1258", "windows-1251", "koi8-r", "koi8-u", "iso-8859-5", "windows-1252", "iso-8859-1", "iso-8859-15",
    };

    private static readonly (byte[] Magic, string What)[] BinarySignatures =
    [
        ("%PDF"u8.ToArray(), "a PDF document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ("RIFF"u8.ToArray(), "a RIFF (WebP/WAV/AVI) file"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or .docx/.epub)"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable (ELF)"),
        ("MZ"u8.ToArray(), "a Windows executable"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Microsoft Office document"),
    ];

    /// <summary>Decodes <paramref name="bytes"/>; null with a diagnostic when the file cannot be read as text.
    /// <paramref name="declaredCharset"/> is the charset the server declared (HTTP Content-Type, kept in the sidecar),
    /// which wins over the page's own meta tag, as in a browser.</summary>
    public static string? Decode(byte[] bytes, string display, DiagnosticBag diagnostics, SeedKind kind = SeedKind.TextDump, string? declaredCharset = null)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8(span[3..], display, diagnostics, offset: 3);
        }

        // UTF-32 LE's BOM starts with UTF-16 LE's, so it is tested first.
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return Unicode(new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), span[4..], "UTF-32", display, diagnostics);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return Unicode(new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), span[4..], "UTF-32", display, diagnostics);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Unicode(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), span[2..], "UTF-16", display, diagnostics);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Unicode(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), span[2..], "UTF-16", display, diagnostics);
        }

        if (BinaryKind(span) is { } what)
        {
            diagnostics.Error(DiagnosticCodes.SeedUnreadable,
                $"Seed is {what}, not text. Save the article as HTML or plain text, or move the file out of seeds/.", SourceLocation.InFile(display));
            return null;
        }

        var invalidAt = Utf8Text.FirstInvalidByte(span);
        if (invalidAt < 0)
        {
            return Normalise(Utf8Text.Decode(span));
        }

        return Legacy(span, invalidAt, display, diagnostics, kind, declaredCharset);
    }

    private static string? Utf8(ReadOnlySpan<byte> bytes, string display, DiagnosticBag diagnostics, int offset)
    {
        var invalidAt = Utf8Text.FirstInvalidByte(bytes);
        if (invalidAt >= 0)
        {
            var (line, column) = Utf8Text.PositionOf(bytes, invalidAt);
            diagnostics.Error(DiagnosticCodes.SeedUnreadable,
                $"Seed starts with a UTF-8 byte order mark but byte 0x{bytes[invalidAt]:X2} at offset {invalidAt + offset} is not valid UTF-8. Re-save it as UTF-8.",
                new SourceLocation(display, line, column));
            return null;
        }

        return Normalise(Utf8Text.Decode(bytes));
    }

    private static string? Unicode(Encoding encoding, ReadOnlySpan<byte> bytes, string name, string display, DiagnosticBag diagnostics)
    {
        try
        {
            return Normalise(encoding.GetString(bytes));
        }
        catch (DecoderFallbackException ex)
        {
            diagnostics.Error(DiagnosticCodes.SeedUnreadable,
                $"Seed starts with a {name} byte order mark but is not valid {name} (near byte {ex.Index}). Re-save it as UTF-8.",
                SourceLocation.InFile(display));
            return null;
        }
    }

    private static string? Legacy(ReadOnlySpan<byte> bytes, int invalidAt, string display, DiagnosticBag diagnostics, SeedKind kind, string? declaredCharset)
    {
        var (line, column) = Utf8Text.PositionOf(bytes, invalidAt);
        // A server that called the page UTF-8 was wrong (the bytes say so); the page's own meta tag may know better.
        var byServer = declaredCharset is { } server && !server.Equals("utf-8", StringComparison.OrdinalIgnoreCase);
        var declared = byServer ? declaredCharset : kind == SeedKind.Html ? DeclaredCharset(bytes) : null;
        if (declared is not null && !declared.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && GetEncoding(declared) is { } declaredEncoding)
        {
            if (byServer)
            {
                // A captured page keeps the bytes it was served in: re-saving would break its recorded SHA-256.
                diagnostics.Info(DiagnosticCodes.SeedLegacyEncoding,
                    $"Seed is not UTF-8; decoded as {declaredEncoding.WebName}, the charset its server declared (the sidecar's content_type).",
                    SourceLocation.InFile(display));
            }
            else
            {
                diagnostics.Warning(DiagnosticCodes.SeedLegacyEncoding,
                    $"Seed is not UTF-8; decoded as {declaredEncoding.WebName}, the charset the page declares. Re-save it as UTF-8 to silence this.",
                    SourceLocation.InFile(display));
            }

            return Normalise(declaredEncoding.GetString(bytes));
        }

        if (LooksLikeBrokenUtf8(bytes))
        {
            diagnostics.Error(DiagnosticCodes.SeedUnreadable,
                $"Seed is UTF-8 with damaged bytes: byte 0x{bytes[invalidAt]:X2} here is not valid UTF-8 (the file may have been cut or " +
                "mixed from two encodings). Fix or remove the damaged characters, then re-run.",
                new SourceLocation(display, line, column));
            return null;
        }

        var detected = CharsetDetector.DetectFromBytes(bytes.ToArray()).Detected;
        if (detected?.EncodingName is { } name && TrustedLegacy.Contains(name) && GetEncoding(name) is { } encoding)
        {
            diagnostics.Warning(DiagnosticCodes.SeedLegacyEncoding,
                $"Seed is not UTF-8 (first bad byte at line {line}, column {column}); it looks like {encoding.WebName} " +
                $"(confidence {Math.Round(detected.Confidence * 100).ToString(CultureInfo.InvariantCulture)}%) and was decoded as that. Check the text, then re-save it as UTF-8 " +
                $"(e.g. `iconv -f {encoding.WebName} -t utf-8`).",
                SourceLocation.InFile(display));
            return Normalise(encoding.GetString(bytes));
        }

        diagnostics.Error(DiagnosticCodes.SeedUnreadable,
            $"Seed is not valid UTF-8 (byte 0x{bytes[invalidAt]:X2}) and its encoding could not be recognised " +
            $"(windows-1258, windows-1251 and UTF-16 with a byte order mark are). Convert it to UTF-8, e.g. `iconv -f windows-1258 -t utf-8`.",
            new SourceLocation(display, line, column));
        return null;
    }

    /// <summary>True when valid multi-byte UTF-8 sequences outnumber the invalid bytes: a UTF-8 file with
    /// damage, which decoding as a legacy encoding would only turn into mojibake.</summary>
    private static bool LooksLikeBrokenUtf8(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0, at = 0;
        while (at < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                valid += consumed > 1 ? 1 : 0;
            }
            else
            {
                invalid++;
            }

            at += Math.Max(consumed, 1);
        }

        return valid > invalid;
    }

    private static Encoding? GetEncoding(string name)
    {
        try
        {
            // Code-page encodings ship with .NET but are only reachable through their provider.
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var match = MetaCharset().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string? BinaryKind(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, what) in BinarySignatures)
        {
            if (bytes.StartsWith(magic))
            {
                return what;
            }
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            return "binary (it contains NUL bytes)";
        }

        var head = bytes[..Math.Min(bytes.Length, 8192)];
        var controls = 0;
        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C))
            {
                controls++;
            }
        }

        return controls >= 8 && controls * 10 > head.Length ? "binary (it is full of control characters)" : null;
    }

    // What Normalise changes: form feeds and vertical tabs become line breaks, other control characters (but line
    // breaks and tabs), non-characters and byte order marks are dropped.
    private static readonly System.Buffers.SearchValues<char> Dropped =
        Content.CharSets.Where(c => c is not '\n' and not '\t' && (char.IsControl(c) || c is '\uFFFE' or '\uFFFF' or '\uFEFF'));

    // Vietnamese text arrives precomposed and decomposed (windows-1258 carries tone marks as combining
    // characters); NFC makes matching and hashing stable. Control characters have no place in an article
    // and would make the front matter unreadable.
    private static string Normalise(string text)
    {
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        // Most seeds hold none of the characters below: no copy is made of them.
        if (text.AsSpan().IndexOfAny(Dropped) < 0)
        {
            return text.Normalize(NormalizationForm.FormC);
        }

        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\u000C' || c == '\u000B')
            {
                sb.Append('\n');
            }
            else if (c is '\n' or '\t' || !(char.IsControl(c) || c is '\uFFFE' or '\uFFFF' or '\uFEFF'))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
