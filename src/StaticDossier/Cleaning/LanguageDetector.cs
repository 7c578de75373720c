namespace StaticDossier.Cleaning;

/// <summary>Tells English from Vietnamese by stop-word counts (diacritics alone mislead: English
/// Vietnamese outlets write names with them).</summary>
internal static class LanguageDetector
{
    private static readonly HashSet<string> Vietnamese = new(StringComparer.Ordinal)
    {
        "và", "của", "các", "những", "là", "được", "trong", "cho", "với", "có", "không", "đã", "này", "một", "người",
        "về", "để", "hai", "tại", "nước", "cũng", "khi", "đến", "từ", "theo", "như", "sẽ", "việc", "nhằm", "đó",
    };

    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by", "his", "her",
        "it", "at", "from", "are", "be", "has", "have", "its", "this", "an", "which", "their", "said", "will",
    };

    /// <summary>"vi" or "en" (the default when the text gives no evidence).</summary>
    public static string Detect(string text)
    {
        int vi = 0, en = 0;
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim('.', ',', ';', ':', '"', '“', '”', '(', ')').ToLowerInvariant();
            if (Vietnamese.Contains(word))
            {
                vi++;
            }
            else if (English.Contains(word))
            {
                en++;
            }
        }

        return vi > en ? "vi" : "en";
    }
}
