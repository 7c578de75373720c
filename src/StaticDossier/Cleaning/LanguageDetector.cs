namespace StaticDossier.Cleaning;

/// <summary>Tells English from Vietnamese by stop-word counts (diacritics alone mislead: English
/// Vietnamese outlets write names with them).</summary>
internal static class LanguageDetector
{
    /// <summary>"vi" or "en", or <see cref="Other"/> when neither list's stop words fill the text.</summary>
    public static string Detect(IEnumerable<string> texts)
    {
        int vi = 0, en = 0, all = 0;
        foreach (var text in texts)
        {
            var (words, english, vietnamese) = TextShape.CountBoth(text);
            all += words;
            en += english;
            vi += vietnamese;
        }

        return Math.Max(vi, en) < all * 0.08 ? Other : vi > en ? "vi" : "en";
    }

    /// <summary>Neither English nor Vietnamese: stop-word signals are unavailable.</summary>
    public const string Other = "und";

    /// <summary>Detects from one text.</summary>
    public static string Detect(string text) => Detect([text]);
}
