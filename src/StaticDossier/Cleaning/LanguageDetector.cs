namespace StaticDossier.Cleaning;

/// <summary>Tells English from Vietnamese by stop-word counts (diacritics alone mislead: English
/// Vietnamese outlets write names with them).</summary>
internal static class LanguageDetector
{
    /// <summary>"vi" or "en" (the default when the text gives no evidence).</summary>
    public static string Detect(IEnumerable<string> texts)
    {
        int vi = 0, en = 0;
        foreach (var text in texts)
        {
            foreach (var word in TextShape.Words(text))
            {
                if (Lexicon.VietnameseStopWords.Contains(word))
                {
                    vi++;
                }
                else if (Lexicon.EnglishStopWords.Contains(word))
                {
                    en++;
                }
            }
        }

        return vi > en ? "vi" : "en";
    }

    /// <summary>Detects from one text.</summary>
    public static string Detect(string text) => Detect([text]);
}
