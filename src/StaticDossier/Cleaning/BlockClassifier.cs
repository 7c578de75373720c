namespace StaticDossier.Cleaning;

/// <summary>Classifies each block by its own shape (jusText's idea): length, stop-word density, sentence ending,
/// link density. Context (what surrounds a block) is the rules' job.</summary>
internal static class BlockClassifier
{
    public static void Classify(IReadOnlyList<Block> blocks, string language)
    {
        // Vietnamese syllables are short and its stop list is smaller: scale the thresholds.
        var stopHigh = language == "vi" ? 0.22 : 0.30;
        var stopLow = language == "vi" ? 0.15 : 0.22;
        foreach (var b in blocks)
        {
            var (words, stop) = TextShape.Count(b.Text, language);
            b.Words = words;
            b.StopDensity = words == 0 ? 0 : stop / (double)words;
            if (language == LanguageDetector.Other)
            {
                // No stop list for this language: judge by length and sentence shape alone.
                b.StopDensity = TextShape.EndsSentence(b.Text) || b.Text.Length >= 150 ? stopHigh : 0;
            }

            var len = b.Length = EffectiveLength(b.Text);
            var sentence = TextShape.EndsSentence(b.Text);
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

            b.Class = c;
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
