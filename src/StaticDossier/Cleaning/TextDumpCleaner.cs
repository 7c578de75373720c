using StaticDossier.Diagnostics;
using StaticDossier.Seeds;

namespace StaticDossier.Cleaning;

/// <summary>Cleans a browser's plain-text dump. First version: end-of-article markers and short-line noise.</summary>
public sealed class TextDumpCleaner
{
    private static readonly HashSet<string> EndMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "Other News", "Trending", "XEM THÊM TIN", "Related news", "Read more", "Tin liên quan",
    };

    /// <summary>Cleans one text seed.</summary>
    public CleanedDocument Clean(SeedDocument seed, DiagnosticBag diagnostics)
    {
        var lines = seed.Text.Split('\n');
        var decisions = new List<BlockDecision>();
        string? title = null;
        var body = new List<string>();
        var ended = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0)
            {
                continue;
            }

            if (ended)
            {
                decisions.Add(new BlockDecision(i + 1, text, false, "noise", "after end of article"));
                continue;
            }

            if (EndMarkers.Contains(text))
            {
                ended = true;
                decisions.Add(new BlockDecision(i + 1, text, false, "noise", "end-of-article marker"));
                continue;
            }

            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (title is null && words >= 4)
            {
                title = text;
                decisions.Add(new BlockDecision(i + 1, text, false, "title", "first line with a headline's shape"));
            }
            else if (words < 6)
            {
                decisions.Add(new BlockDecision(i + 1, text, false, "noise", "too short for a paragraph"));
            }
            else
            {
                body.Add(text);
                decisions.Add(new BlockDecision(i + 1, text, true, "body", "paragraph"));
            }
        }

        var meta = new ArticleMetadata
        {
            Date = DateFinder.Find(decisions.Where(d => d.Kept || d.Role == "title").Select(d => d.Text)),
            Language = LanguageDetector.Detect(string.Join(' ', body)),
        };
        return new CleanedDocument(seed, title ?? seed.Id, MarkdownText.JoinParagraphs(body), meta, decisions);
    }
}
