using AngleSharp.Html.Parser;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;

namespace StaticDossier.Cleaning;

/// <summary>Cleans a saved HTML page with the shared rules plus markup signals (links, class/id names,
/// semantic elements, meta tags).</summary>
public sealed class HtmlCleaner
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    /// <summary>Cleans one HTML seed.</summary>
    public CleanedDocument Clean(SeedDocument seed, DiagnosticBag diagnostics) => CleanWith(seed, null);

    internal static CleanedDocument CleanWith(SeedDocument seed, IReadOnlySet<string>? sharedLines)
    {
        using var document = Parser.ParseDocument(seed.Text);
        return ArticleCleaner.Clean(seed, document, BlockReader.Read(document), CleaningOptions.Default, sharedLines);
    }
}
