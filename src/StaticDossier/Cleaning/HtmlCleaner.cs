using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using StaticDossier.Diagnostics;
using StaticDossier.Seeds;

namespace StaticDossier.Cleaning;

/// <summary>Cleans a saved HTML page. First version: semantic containers and paragraph blocks.</summary>
public sealed class HtmlCleaner
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    /// <summary>Cleans one HTML seed.</summary>
    public CleanedDocument Clean(SeedDocument seed, DiagnosticBag diagnostics)
    {
        using var document = Parser.ParseDocument(seed.Text);
        foreach (var element in document.QuerySelectorAll("script, style, noscript, template, nav, header, footer, aside, form, iframe").ToList())
        {
            element.Remove();
        }

        var root = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body ?? document.DocumentElement;
        var decisions = new List<BlockDecision>();
        var body = new List<string>();
        foreach (var block in root.QuerySelectorAll("p, h2, h3, li, blockquote"))
        {
            var text = Normalise(block.TextContent);
            if (text.Length == 0 || block.ParentElement?.Closest("p, li, blockquote") is not null)
            {
                continue;
            }

            var line = block.SourceReference?.Position.Line ?? 0;
            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words < 6 && block.LocalName != "h2" && block.LocalName != "h3")
            {
                decisions.Add(new BlockDecision(line, text, false, "noise", "too short for a paragraph"));
                continue;
            }

            body.Add(block.LocalName is "h2" or "h3" ? "## " + text : text);
            decisions.Add(new BlockDecision(line, text, true, "body", block.LocalName));
        }

        var title = Normalise(document.QuerySelector("h1")?.TextContent ?? document.Title ?? seed.Id);
        var meta = new ArticleMetadata
        {
            Date = DateFinder.Find(body.Take(3).Prepend(document.QuerySelector("time")?.GetAttribute("datetime") ?? string.Empty)),
            Language = document.DocumentElement.GetAttribute("lang")?.Split('-')[0] is { Length: > 0 } lang
                ? lang.ToLowerInvariant()
                : LanguageDetector.Detect(string.Join(' ', body)),
        };
        return new CleanedDocument(seed, title.Length > 0 ? title : seed.Id, MarkdownText.JoinParagraphs(body), meta, decisions);
    }

    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
