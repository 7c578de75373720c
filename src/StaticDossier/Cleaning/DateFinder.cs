using System.Globalization;
using System.Text.RegularExpressions;

namespace StaticDossier.Cleaning;

/// <summary>Finds a publication date written on the page, in Vietnamese or English forms; never guesses a year.</summary>
internal static partial class DateFinder
{
    /// <summary>The first full date (with a year) in <paramref name="texts"/>, or null.</summary>
    public static DateOnly? Find(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            if (Iso().Match(text) is { Success: true } iso && Make(iso, "y", "m", "d") is { } a)
            {
                return a;
            }

            if (DayMonthYear().Match(text) is { Success: true } dmy && Make(dmy, "y", "m", "d") is { } b)
            {
                return b;
            }
        }

        return null;
    }

    private static DateOnly? Make(Match m, string y, string mo, string d)
    {
        var year = int.Parse(m.Groups[y].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups[mo].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups[d].Value, CultureInfo.InvariantCulture);
        return year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    [GeneratedRegex(@"\b(?<y>(19|20)\d\d)-(?<m>\d\d)-(?<d>\d\d)\b")]
    private static partial Regex Iso();

    [GeneratedRegex(@"\b(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>(19|20)\d\d)\b")]
    private static partial Regex DayMonthYear();
}
