using AngleSharp.Html.Parser;
using StaticDossier.Seeds;

namespace StaticDossier.Cleaning;

/// <summary>Cleans a saved HTML page with the shared rules plus markup signals (links, class/id names,
/// semantic elements, meta tags).</summary>
internal static class HtmlCleaner
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    internal static CleanedDocument CleanWith(SeedDocument seed, IReadOnlySet<string>? sharedLines)
    {
        using var document = Parser.ParseDocument(seed.Text);
        return ArticleCleaner.Clean(seed, document, BlockReader.Read(document), CleaningOptions.Default, sharedLines);
    }
}
