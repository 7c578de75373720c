namespace StaticDossier.Cleaning;

/// <summary>Classifies each block by its own shape (jusText's idea): length, stop-word density, sentence ending,
/// link density. Context (what surrounds a block) is the rules' job.</summary>
internal static class BlockClassifier
{
    /// <summary>Detects the page's language from its longer blocks, then classifies every block; returns the language.</summary>
    public static string Classify(IReadOnlyList<Block> blocks)
    {
        // One count per block serves both the language guess and the classification.
        var counts = new StopCounts[blocks.Count];
        var lengths = new int[blocks.Count];
        int all = 0, en = 0, vi = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var c = counts[i] = TextShape.Count(blocks[i].Text);
            var length = lengths[i] = EffectiveLength(blocks[i].Text);
            if (length >= 60)
            {
                // A run of Chinese, Japanese or Korean characters reads as one word; each character is nearer one
                // (else a page in those scripts, with a few English names and menu words, passes for English).
                all += c.Words + (length - blocks[i].Text.Length) / 2;
                en += c.English;
                vi += c.VietnameseOnly;
            }
        }

        var language = LanguageDetector.FromCounts(all, en, vi);
        Classify(blocks, counts, lengths, language);
        return language;
    }

    private static void Classify(IReadOnlyList<Block> blocks, StopCounts[] counts, int[] lengths, string language)
    {
        // Vietnamese syllables are short and its stop list is smaller: scale the thresholds.
        var stopHigh = language == "vi" ? 0.22 : 0.30;
        var stopLow = language == "vi" ? 0.15 : 0.22;
        for (var i = 0; i < blocks.Count; i++)
        {
            var b = blocks[i];
            var words = counts[i].Words;
            var stop = language == "vi" ? counts[i].Vietnamese : counts[i].English;
            b.Words = words;
            b.StopDensity = words == 0 ? 0 : stop / (double)words;
            var sentence = TextShape.EndsSentence(b.Text);
            if (language == LanguageDetector.Other)
            {
                // No stop list for this language: judge by length and sentence shape alone.
                b.StopDensity = sentence || b.Text.Length >= 150 ? stopHigh : 0;
                // A block mostly in Han characters: each counts as a word and each listed one as a stop word, on the
                // English scale (a Chinese writer may end a line with a space, not a mark, so sentence shape misses it).
                var (han, hanStop) = HanStopCharacters.Count(b.Text);
                if (han > 0 && han * 2 >= b.Text.Length)
                {
                    b.StopDensity = Math.Max(b.StopDensity, hanStop / (double)han);
                }
            }

            var len = b.Length = lengths[i];
            BlockClass c;
            if (b.LinkDensity > (words >= 20 && sentence ? 0.75 : 0.5))
            {
                c = BlockClass.Bad;
            }
            else if ((len >= 150 && b.StopDensity >= stopLow) || (len >= 70 && b.StopDensity >= stopHigh && sentence))
            {
                c = BlockClass.Good;
            }
            else if ((len >= 50 && b.StopDensity >= stopLow) || (words >= 8 && sentence && b.StopDensity >= stopLow * 0.6))
            {
                c = BlockClass.NearGood;
            }
            else
            {
                c = BlockClass.Short;
            }

            if (c > BlockClass.Bad && b.LinkDensity > 0.25)
            {
                c--;
            }

            // Raw markup is code however long it is (a long line would otherwise pass for prose by length alone).
            var markup = c > BlockClass.Short && TextShape.IsMarkup(b.Text);
            b.Class = markup ? BlockClass.Short : c;
            b.IsCode = markup || (b.Class <= BlockClass.Short && TextShape.LooksLikeCode(b.Text));
        }
    }

    // Chinese, Japanese and Korean pack a word into one or two characters: count each as three.
    private static int EffectiveLength(string text)
    {
        var length = text.Length;
        foreach (var c in text)
        {
            if (c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff' or >= '\uac00' and <= '\ud7af')
            {
                length += 2;
            }
        }

        return length;
    }
}
