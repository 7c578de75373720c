using AngleSharp.Dom;

namespace StaticDossier.Cleaning.Rules;

/// <summary>Finds the headline. Saved pages: the <c>h1</c> that best matches <c>og:title</c>/<c>title</c>.
/// Dumps: among the lines above the first paragraph, the one sharing most words with the opening paragraphs
/// (so "Accessibility links" loses to the real headline); with no such line, the lede's first sentence.</summary>
internal sealed class TitleRule : INoiseRule
{
    public RuleId Id => RuleId.Title;

    public PageFacts Writes => PageFacts.Title;

    public void Apply(CleaningContext context)
    {
        var blocks = context.Blocks;
        var firstGood = blocks.FirstOrDefault(b => !b.IsDecided && b.Class == BlockClass.Good)
                        ?? blocks.FirstOrDefault(b => !b.IsDecided && b.Class == BlockClass.NearGood);
        // The words of the first three paragraphs, as of their text joined by spaces (no joined copy is made).
        var openingWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in blocks.Where(b => !b.IsDecided && b.Class >= BlockClass.NearGood).Take(3))
        {
            TextShape.AddContentWords(b.Text, context.Language, openingWords);
        }

        var metaTitle = context.Document is { } document ? MetaTitle(document) : null;
        var metaWords = metaTitle is null ? null : TextShape.ContentWords(metaTitle, context.Language);
        Block? best = null;
        var bestScore = 0.0;
        var limit = firstGood?.Index ?? blocks.Count;
        for (var i = Math.Max(0, limit - 40); i < limit; i++)
        {
            var b = blocks[i];
            if (b.Words is < 2 or > 30 || b.Role is BlockRole.Date or BlockRole.Caption or BlockRole.Duplicate or BlockRole.Byline or BlockRole.Source
                || (b.Words > 15 && TextShape.EndsSentence(b.Text)))
            {
                continue;
            }

            var words = TextShape.ContentWords(b.Text, context.Language);
            double score = words.Count(openingWords.Contains);
            if (metaWords is not null)
            {
                score += 2 * words.Count(metaWords.Contains);
            }

            if (b.Tag == "h1")
            {
                score += 3;
            }

            if (TextShape.EndsSentence(b.Text))
            {
                score -= 1;
            }

            if (score >= bestScore && score >= 2)
            {
                best = b;
                bestScore = score;
            }
        }

        if (best is not null)
        {
            context.Title = best.Text;
            best.Decide(false, BlockRole.Title, "headline (shares most words with the opening paragraphs)", Id, overrule: true);
            // What sits above the headline (menus, other stories' headlines) is not the article.
            for (var i = 0; i < best.Index; i++)
            {
                blocks[i].Decide(false, BlockRole.Noise, $"above the headline at line {best.Line}", Id);
            }

            var key = best.Key;
            foreach (var b in blocks)
            {
                if (b != best && b.Key == key)
                {
                    b.Decide(false, BlockRole.Title, "repeats the headline", Id, overrule: true);
                }
            }
        }
        else if (metaTitle is not null)
        {
            context.Title = metaTitle;
        }
        else if (context.IsTextDump && blocks.Count > 1 && blocks[0] is { Words: >= 4 and <= 25 } first
                 && !TextShape.EndsSentence(first.Text) && first.Role is BlockRole.Body or BlockRole.Noise)
        {
            // A dump's first line, shaped like a headline, is the headline even when it shares few words.
            context.Title = first.Text;
            first.Decide(false, BlockRole.Title, "first line, shaped like a headline", Id, overrule: true);
        }
        else if (blocks.FirstOrDefault(b => !b.IsDecided && b.Class >= BlockClass.NearGood) is { } lede)
        {
            context.Title = FromLede(lede.Text);
        }
    }

    private static string? MetaTitle(IDocument document)
    {
        var og = document.QuerySelector("meta[property='og:title'], meta[name='twitter:title']")?.GetAttribute("content");
        var title = string.IsNullOrWhiteSpace(og) ? document.Title : og;
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        // "Headline | Outlet" or "Headline - Outlet": keep the longest part.
        var parts = title.Split([" | ", " - ", " – ", " — ", " :: ", " « ", " » "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', parts.MaxBy(p => p.Length)!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    // Longest first sentence taken whole as a title; a longer one gives its first clause.
    private const int MaxLedeTitleWords = 40;

    // The lede's first sentence, without its dateline and full stop: the repair step then takes it out of the body, so
    // the headline is not read twice. A sentence too long for a headline gives its first clause, and the lede stays.
    internal static string FromLede(string lede)
    {
        var first = Lede.Of(lede);
        if (first.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxLedeTitleWords)
        {
            return first.Title;
        }

        var words = first.FirstSentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var taken = new List<string>();
        for (var i = 0; i < words.Length && taken.Count < 16; i++)
        {
            var w = words[i];
            var end = w.EndsWith('.') || w.EndsWith(',') || w.EndsWith(';') || w.EndsWith(':');
            taken.Add(end ? w.TrimEnd('.', ',', ';', ':') : w);
            if (end && taken.Count >= 6)
            {
                break;
            }
        }

        // Never end on a function word ("… and Russia in").
        while (taken.Count > 3 && Lexicon.IsStopWord("en", taken[^1].ToLowerInvariant()))
        {
            taken.RemoveAt(taken.Count - 1);
        }

        return string.Join(' ', taken);
    }
}
