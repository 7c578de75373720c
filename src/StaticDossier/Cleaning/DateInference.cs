using System.Globalization;
using System.Text.RegularExpressions;
using StaticDossier.Analysis;
using StaticDossier.Config;

namespace StaticDossier.Cleaning;

/// <summary>A publication period inferred from a text that gives no full date: a month or a year, never a day, with
/// the evidence a curator can check. It is kept apart from <c>date</c> and never shown as exact.</summary>
/// <param name="Year">The year.</param>
/// <param name="Month">The month, when the evidence supports one.</param>
/// <param name="Evidence">One sentence per clue, in the order they were weighed.</param>
public sealed record ApproximateDate(int Year, int? Month, IReadOnlyList<string> Evidence)
{
    /// <summary>As front matter writes it: <c>2022-03</c> or <c>2022</c>.</summary>
    public string Value => Month is { } m ? $"{Year:D4}-{m:D2}" : $"{Year:D4}";

    /// <summary>Reads <c>YYYY-MM</c> or <c>YYYY</c>; null for anything else.</summary>
    public static (int Year, int? Month)? Parse(string? value)
    {
        if (value is { Length: 4 } && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2100)
        {
            return (y, null);
        }

        return value is { Length: 7 } && value[4] == '-'
               && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100
               && int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
            ? (year, month)
            : null;
    }
}

/// <summary>Infers the period a news text was written in when it states no full date. Pure: text in, period out.</summary>
/// <remarks>The clues, weakest first: a dated event the text refers to (site.yml <c>events:</c>) is a lower bound and
/// gives the year; a day and month without a year ("on March 15") is read in that year, or in the sidecar's
/// <c>retrieved_at</c> year; "three weeks since February 24" dates the writing itself; <c>retrieved_at</c> is an upper
/// bound. A news report is dated on or soon after the latest day it mentions, so the month is that day's month;
/// with only a year's evidence, the year. No anchor for the year, no inference: a day and month alone prove nothing.</remarks>
internal static partial class DateInference
{
    /// <summary>A day and month can lie this far before the earliest event the text refers to and still be read in
    /// its year ("on Feb 21, three days before the invasion").</summary>
    private const int DaysBeforeAnchor = 60;

    public static ApproximateDate? Infer(string text, IReadOnlyList<EventConfig> events, DateOnly? notAfter)
    {
        var evidence = new List<string>();
        DateOnly? after = null;
        if (events.Count > 0)
        {
            var matcher = new TermMatcher(events.Select(e => new TermConfig { Name = e.Name, Aliases = e.Aliases }));
            var found = matcher.Match(null, text).ToHashSet(StringComparer.Ordinal);
            foreach (var e in events.Where(e => found.Contains(e.Name) && e.ParsedDate is not null).OrderBy(e => e.ParsedDate))
            {
                evidence.Add($"refers to {e.Name} ({Day(e.ParsedDate!.Value)}), so written after it");
                after = after is { } a && a > e.ParsedDate ? a : e.ParsedDate;
            }
        }

        if (notAfter is { } bound)
        {
            evidence.Add($"captured on {Day(bound)} (retrieved_at), so written before it");
        }

        var anchorYear = after?.Year ?? notAfter?.Year;
        if (anchorYear is null)
        {
            return null;
        }

        DateOnly Resolve(int month, int day)
        {
            // The first such day from shortly before the lower bound on, else the last one before the upper bound.
            var year = anchorYear.Value;
            var date = Make(year, month, day);
            if (after is { } lower && date < lower.AddDays(-DaysBeforeAnchor))
            {
                date = Make(year + 1, month, day);
            }

            while (notAfter is { } upper && date > upper && date.Year > upper.Year - 1)
            {
                date = Make(date.Year - 1, month, day);
            }

            return date;
        }

        DateOnly? latest = null;
        var written = false;
        foreach (Match m in WeeksSince().Matches(text))
        {
            if (Month(m.Groups["mon"].Value) is not { } mo || Number(m.Groups["n"].Value) is not { } n || !Valid(mo, m.Groups["d"].Value, out var d))
            {
                continue;
            }

            var since = Resolve(mo, d);
            var unit = m.Groups["unit"].Value.ToLowerInvariant();
            var now = unit.StartsWith("week", StringComparison.Ordinal) ? since.AddDays(7 * n)
                : unit.StartsWith("day", StringComparison.Ordinal) ? since.AddDays(n) : since.AddMonths(n);
            evidence.Add($"“{Quote(m.Value)}”: {Day(since)} plus {n} {unit}, so written about {Day(now)}");
            latest = Later(latest, now);
            written = true;
        }

        var stated = new SortedSet<DateOnly>();
        foreach (var m in DayMonths(text))
        {
            stated.Add(Resolve(m.Month, m.Day));
        }

        if (stated.Count > 0)
        {
            evidence.Add($"mentions {string.Join(", ", stated.Select(Day))} without a year, placed by "
                         + (after is null ? "the capture (the last such day before it)" : "the event it refers to (the first such day from shortly before it on)"));
            latest = Later(latest, stated.Max);
        }

        if (latest is { } last && (notAfter is null || last <= notAfter))
        {
            evidence.Add(written
                ? $"so written in {last:MMMM yyyy}"
                : $"a report is dated on or soon after the latest day it mentions: {last:MMMM yyyy}");
            return new ApproximateDate(last.Year, last.Month, evidence);
        }

        // Only bounds: a year when they meet in one.
        if (after is { } from && notAfter is { } to && from.Year == to.Year)
        {
            evidence.Add($"both bounds fall in {from.Year}");
            return new ApproximateDate(from.Year, null, evidence);
        }

        return null;
    }

    private static DateOnly? Later(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Quote(string s)
    {
        var one = Regex.Replace(s, @"\s+", " ").Trim();
        return one.Length > 80 ? one[..40] + " … " + one[^30..] : one;
    }

    private static DateOnly Make(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));

    private static bool Valid(int month, string dayText, out int day) =>
        int.TryParse(dayText, NumberStyles.None, CultureInfo.InvariantCulture, out day) && day >= 1 && day <= DateTime.DaysInMonth(2024, month);

    /// <summary>Days and months written without a year (a full date is <see cref="DateFinder"/>'s, not a clue here).</summary>
    private static IEnumerable<(int Month, int Day)> DayMonths(string text)
    {
        foreach (Match m in MonthDay().Matches(text))
        {
            if (Month(m.Groups["mon"].Value) is { } mo && Valid(mo, m.Groups["d"].Value, out var d))
            {
                yield return (mo, d);
            }
        }

        foreach (Match m in DayMonth().Matches(text))
        {
            if (Month(m.Groups["mon"].Value) is { } mo && Valid(mo, m.Groups["d"].Value, out var d))
            {
                yield return (mo, d);
            }
        }

        foreach (Match m in VietnameseDayMonth().Matches(text))
        {
            if (int.TryParse(m.Groups["m"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var mo) && mo is >= 1 and <= 12
                && Valid(mo, m.Groups["d"].Value, out var d))
            {
                yield return (mo, d);
            }
        }
    }

    private static int? Month(string name)
    {
        var n = name.ToLowerInvariant();
        string[] months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        var i = Array.FindIndex(months, m => n.StartsWith(m, StringComparison.Ordinal));
        return i >= 0 ? i + 1 : null;
    }

    private static int? Number(string word) => word.ToLowerInvariant() switch
    {
        "one" or "a" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7, "eight" => 8, "nine" => 9, "ten" => 10,
        var digits when int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 100 => n,
        _ => null,
    };

    private const string MonthName = @"(?<mon>Jan(uary)?|Feb(ruary)?|Mar(ch)?|Apr(il)?|May|June?|July?|Aug(ust)?|Sept?(ember)?|Oct(ober)?|Nov(ember)?|Dec(ember)?)\.?";

    // "It's been three weeks since Russia launched a military campaign in Ukraine on February 24".
    [GeneratedRegex(@"\b(?<n>\d{1,2}|one|a|two|three|four|five|six|seven|eight|nine|ten)\s+(?<unit>days?|weeks?|months?)\s+since\b[^.;]{0,120}?\b" + MonthName + @"\s+(?<d>\d{1,2})\b(?!\s*,?\s*\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex WeeksSince();

    [GeneratedRegex(@"\b" + MonthName + @"\s+(?<d>\d{1,2})(st|nd|rd|th)?\b(?!\s*,?\s*(19|20)\d\d)(?![:\d])")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(st|nd|rd|th)?\s+" + MonthName + @"\b(?!\s*,?\s*(19|20)\d\d)")]
    private static partial Regex DayMonth();

    // "ngày 29/5" (no year after it).
    [GeneratedRegex(@"\bngày\s+(?<d>\d{1,2})/(?<m>\d{1,2})\b(?![/.-]\d)", RegexOptions.IgnoreCase)]
    private static partial Regex VietnameseDayMonth();
}
