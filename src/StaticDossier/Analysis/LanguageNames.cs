using System.Globalization;

namespace StaticDossier.Analysis;

/// <summary>English names of language tags, fixed for the dossier's usual languages so output does not
/// depend on the machine's ICU data.</summary>
internal static class LanguageNames
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "English",
        ["vi"] = "Vietnamese",
        ["ru"] = "Russian",
        ["uk"] = "Ukrainian",
        ["fr"] = "French",
        ["de"] = "German",
        ["zh"] = "Chinese",
    };

    public static string Of(string tag)
    {
        var primary = tag.Split('-')[0];
        if (Known.TryGetValue(primary, out var name))
        {
            return name;
        }

        try
        {
            var culture = CultureInfo.GetCultureInfo(primary);
            return culture.EnglishName.Contains("Unknown", StringComparison.Ordinal) ? tag : culture.EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return tag;
        }
    }
}
