namespace StaticDossier.Cleaning;

/// <summary>A lede's parts: the dateline or outlet code it opens with ("HÀ NỘI —", "Hanoi (VNA) –"), its first
/// sentence, and the rest. A page with no headline takes its title from the first sentence (<see cref="Rules.TitleRule"/>),
/// and the repair step then takes that sentence out of the body (<see cref="Repairing.TextRepairer"/>).</summary>
/// <param name="Dateline">The dateline with its dash, or "" when there is none.</param>
/// <param name="FirstSentence">The first sentence, with its final stop.</param>
/// <param name="Rest">What follows the first sentence, trimmed ("" when the lede is one sentence).</param>
internal sealed record Lede(string Dateline, string FirstSentence, string Rest)
{
    // Words before a full stop that do not end a sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "rev", "sen", "rep", "gov", "pres", "no", "vs",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "jr", "sr",
    };

    /// <summary>The title a lede gives: its first sentence without the dateline and the final full stop.</summary>
    public string Title => FirstSentence.TrimEnd('.', ' ');

    /// <summary>Splits <paramref name="text"/>; a dateline ends with a dash among its first six words.</summary>
    public static Lede Of(string text)
    {
        var body = text.Trim();
        var dateline = string.Empty;
        var pos = 0;
        for (var w = 0; w < 6 && pos < body.Length; w++)
        {
            var end = body.IndexOf(' ', pos);
            end = end < 0 ? body.Length : end;
            if (body[pos..end] is "—" or "–" or "-" or "--")
            {
                dateline = body[..end];
                break;
            }

            pos = end;
            while (pos < body.Length && body[pos] == ' ')
            {
                pos++;
            }
        }

        body = body[dateline.Length..].TrimStart();
        var stop = SentenceEnd(body);
        return new Lede(dateline, body[..stop].TrimEnd(), body[stop..].Trim());
    }

    // The index just past the first sentence's stop: a '.', '!' or '?' followed by a space and a capital, not after an
    // abbreviation or an initial ("Mr.", "U.S.", "J."); the whole text when there is none.
    private static int SentenceEnd(string text)
    {
        for (var i = 0; i < text.Length - 2; i++)
        {
            if (text[i] is not ('.' or '!' or '?') || text[i + 1] != ' ' || !char.IsUpper(text[i + 2]))
            {
                continue;
            }

            var start = i;
            while (start > 0 && char.IsLetter(text[start - 1]))
            {
                start--;
            }

            var word = text[start..i];
            if (text[i] == '.' && (word.Length <= 1 || Abbreviations.Contains(word) || (start > 0 && text[start - 1] == '.')))
            {
                continue;
            }

            return i + 1;
        }

        return text.Length;
    }
}
