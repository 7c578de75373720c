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
            var counts = TextShape.Count(text);
            all += counts.Words;
            en += counts.English;
            vi += counts.VietnameseOnly;
        }

        return FromCounts(all, en, vi);
    }

    /// <summary>The language of text with <paramref name="words"/> words, of which <paramref name="english"/> are English
    /// stop words and <paramref name="vietnamese"/> Vietnamese ones not also English.</summary>
    public static string FromCounts(int words, int english, int vietnamese) =>
        Math.Max(vietnamese, english) < words * 0.08 ? Other : vietnamese > english ? "vi" : "en";

    /// <summary>Neither English nor Vietnamese: stop-word signals are unavailable.</summary>
    public const string Other = "und";

    /// <summary>Detects from one text.</summary>
    public static string Detect(string text) => Detect([text]);
}
