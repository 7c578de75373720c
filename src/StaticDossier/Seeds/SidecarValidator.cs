using System.Globalization;
using StaticDossier.Diagnostics;

namespace StaticDossier.Seeds;

/// <summary>Checks a seed sidecar's values; a bad one is reported at its line and dropped, so ingest never
/// writes a content page that the build would refuse.</summary>
internal static class SidecarValidator
{
    public static SeedMetadata Validate(SeedMetadata meta, string text, string display, DiagnosticBag diagnostics)
    {
        if (meta.Url is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            Report("url", $"'url' must be an absolute http(s) address; got '{Short(url)}'.");
            meta = meta with { Url = null };
        }

        if (meta.FinalUrl is { } final && !(Uri.TryCreate(final, UriKind.Absolute, out var finalUri) && finalUri.Scheme is "http" or "https"))
        {
            Report("final_url", $"'final_url' must be an absolute http(s) address; got '{Short(final)}'.");
            meta = meta with { FinalUrl = null };
        }

        foreach (var (key, hash) in new[] { ("sha256", meta.Sha256), ("archive_sha256", meta.ArchiveSha256) })
        {
            if (hash is not null && !(hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower)))
            {
                Report(key, $"'{key}' must be 64 lower-case hex digits (a SHA-256); got '{Short(hash)}'.");
                meta = key == "sha256" ? meta with { Sha256 = null } : meta with { ArchiveSha256 = null };
            }
        }

        if (meta.HttpStatus is { } status && status is < 100 or > 599)
        {
            Report("http_status", $"'http_status' must be an HTTP status code (100-599); got {status}.");
            meta = meta with { HttpStatus = null };
        }

        if (meta.Date is { } date && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            Report("date", $"'date' must be a real date written YYYY-MM-DD; got '{Short(date)}'.");
            meta = meta with { Date = null };
        }

        if (meta.Language is { } lang && !IsLanguageTag(lang))
        {
            Report("language", $"'language' must be a BCP 47 tag such as 'en' or 'vi'; got '{Short(lang)}'.");
            meta = meta with { Language = null };
        }

        if (meta.Source is { } source && source.Any(char.IsControl))
        {
            Report("source", "'source' must be one line of text.");
            meta = meta with { Source = null };
        }

        return meta;

        void Report(string key, string message) =>
            diagnostics.Error(DiagnosticCodes.SeedSidecarInvalid, message, KeyLocation(text, display, key));
    }

    private static bool IsLanguageTag(string tag) =>
        tag.Length is >= 2 and <= 35 && tag.Split('-').All(p => p.Length is >= 1 and <= 8 && p.All(char.IsAsciiLetterOrDigit));

    private static string Short(string value) => value.Length > 60 ? value[..60] + "…" : value;

    private static SourceLocation KeyLocation(string text, string display, string key)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith(key + ":", StringComparison.Ordinal))
            {
                return new SourceLocation(display, i + 1, 1);
            }
        }

        return SourceLocation.InFile(display);
    }
}
