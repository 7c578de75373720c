using StaticDossier.Diagnostics;
using StaticDossier.Seeds;

namespace StaticDossier.Cleaning;

/// <summary>Cleans any seed, choosing the cleaner for its kind.</summary>
public sealed class SeedCleaner
{
    private readonly TextDumpCleaner _text = new();
    private readonly HtmlCleaner _html = new();

    /// <summary>Takes the article out of <paramref name="seed"/>.</summary>
    public CleanedDocument Clean(SeedDocument seed, DiagnosticBag diagnostics)
    {
        var cleaned = seed.Kind == SeedKind.Html ? _html.Clean(seed, diagnostics) : _text.Clean(seed, diagnostics);
        if (string.IsNullOrWhiteSpace(cleaned.MarkdownBody))
        {
            diagnostics.Warning(DiagnosticCodes.SeedNoArticle, "Cleaning found no article text in this seed.", SourceLocation.InFile(seed.Path));
        }

        return ApplySidecar(cleaned);
    }

    // A curator's sidecar wins over what the page seemed to say.
    private static CleanedDocument ApplySidecar(CleanedDocument cleaned)
    {
        var sidecar = cleaned.Seed.Sidecar;
        if (sidecar is null)
        {
            return cleaned;
        }

        var meta = cleaned.Metadata with
        {
            Url = sidecar.Url ?? cleaned.Metadata.Url,
            Source = sidecar.Source ?? cleaned.Metadata.Source,
            Language = sidecar.Language ?? cleaned.Metadata.Language,
            Date = DateOnly.TryParseExact(sidecar.Date, "yyyy-MM-dd", out var d) ? d : cleaned.Metadata.Date,
        };
        return cleaned with { Metadata = meta };
    }
}
