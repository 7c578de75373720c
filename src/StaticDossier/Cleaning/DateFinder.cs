using System.Text.RegularExpressions;

namespace StaticDossier.Cleaning;

/// <summary>Finds a full date (day, month and year) written in Vietnamese or English forms; never guesses a year.</summary>
internal static partial class DateFinder
{
    /// <summary>A date found in a text, with where it was.</summary>
    public readonly record struct Found(DateOnly Date, int Index, int Length);

    /// <summary>The first full date in <paramref name="text"/>, or null. <paramref name="monthFirst"/> reads
    /// <c>05/06/2020</c> as May 6 (US English) instead of 5 June.</summary>
    public static Found? Find(string text, bool monthFirst = false) => MayHoldYear(text) ? Search(text, monthFirst) : null;

    /// <summary><see cref="Find"/> without the test in front of the patterns.</summary>
    internal static Found? Search(string text, bool monthFirst)
    {
        Found? best = null;
        void Consider(Match m, int y, int mo, int d)
        {
            if (Make(y, mo, d) is { } date && (best is null || m.Index < best.Value.Index))
            {
                best = new Found(date, m.Index, m.Length);
            }
        }

        if (Iso().Match(text) is { Success: true } iso)
        {
            Consider(iso, Int(iso, "y"), Int(iso, "m"), Int(iso, "d"));
        }

        if (Numeric().Match(text) is { Success: true } num)
        {
            int a = Int(num, "a"), b = Int(num, "b");
            var (mo, d) = (monthFirst && a <= 12) || b > 12 ? (a, b) : (b, a);
            Consider(num, Int(num, "y"), mo, d);
        }

        if (MonthDayYear().Match(text) is { Success: true } mdy && Month(mdy.Groups["mon"].Value) is { } m1)
        {
            Consider(mdy, Int(mdy, "y"), m1, Int(mdy, "d"));
        }

        if (DayMonthYear().Match(text) is { Success: true } dmy && Month(dmy.Groups["mon"].Value) is { } m2)
        {
            Consider(dmy, Int(dmy, "y"), m2, Int(dmy, "d"));
        }

        if (Vietnamese().Match(text) is { Success: true } vi)
        {
            Consider(vi, Int(vi, "y"), Int(vi, "m"), Int(vi, "d"));
        }

        return best;
    }

    // Every pattern below needs a year: "19" or "20" and two more digits (\d: any decimal digit, as the patterns read
    // it). Most lines have none, and five patterns tried at each position of each were a twentieth of cleaning a dump.
    internal static bool MayHoldYear(string text)
    {
        var t = text.AsSpan();
        for (var i = t.IndexOfAny('1', '2'); i >= 0 && i + 3 < t.Length; i = NextAt(t, i + 1))
        {
            if (((t[i] == '1' && t[i + 1] == '9') || (t[i] == '2' && t[i + 1] == '0')) && char.IsDigit(t[i + 2]) && char.IsDigit(t[i + 3]))
            {
                return true;
            }
        }

        return false;

        static int NextAt(ReadOnlySpan<char> t, int from) => t[from..].IndexOfAny('1', '2') is var k and >= 0 ? from + k : -1;
    }

    /// <summary>The date at the start of an ISO 8601 timestamp (<c>2020-05-29T20:44:00+07:00</c>).</summary>
    public static DateOnly? FromIso(string? value) =>
        value is { Length: >= 10 } && Iso().Match(value) is { Success: true, Index: 0 } m ? Make(Int(m, "y"), Int(m, "m"), Int(m, "d")) : null;

    // The patterns' \d is any decimal digit ("20٢٠" is a year to them), which int.Parse refuses: read each digit's value.
    private static int Int(Match m, string group)
    {
        var value = 0;
        foreach (var c in m.Groups[group].ValueSpan)
        {
            value = (value * 10) + (int)char.GetNumericValue(c);
        }

        return value;
    }

    private static int? Month(string name)
    {
        var n = name.ToLowerInvariant();
        string[] months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        for (var i = 0; i < months.Length; i++)
        {
            if (n.StartsWith(months[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1900 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    [GeneratedRegex(@"\b(?<y>(19|20)\d\d)[-/.](?<m>\d\d)[-/.](?<d>\d\d)(?!\d)")]
    private static partial Regex Iso();

    [GeneratedRegex(@"\b(?<a>\d{1,2})[/.-](?<b>\d{1,2})[/.-](?<y>(19|20)\d\d)\b")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"\b(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?<d>\d{1,2})(st|nd|rd|th)?,?\s+(?<y>(19|20)\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(st|nd|rd|th)?\s+(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+(?<y>(19|20)\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\bngày\s+(?<d>\d{1,2})\s+tháng\s+(?<m>\d{1,2})\s+năm\s+(?<y>(19|20)\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Vietnamese();
}
