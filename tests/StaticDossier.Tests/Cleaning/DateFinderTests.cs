using StaticDossier.Cleaning;

namespace StaticDossier.Tests.Cleaning;

/// <summary>Dates as pages write them, in Vietnamese and English forms; never a guessed year.</summary>
public sealed class DateFinderTests
{
    [Theory]
    [InlineData("20:44 | 29/05/2020", 2020, 5, 29)]
    [InlineData("date 2026-03-05 HÀ NỘI", 2026, 3, 5)]
    [InlineData("Posted on Mar 15, 2022, 6:21 AM", 2022, 3, 15)]
    [InlineData("Tuesday, 15 March 2022", 2022, 3, 15)]
    [InlineData("Thứ sáu, ngày 29 tháng 5 năm 2020", 2020, 5, 29)]
    [InlineData("Chris Davies - Nov 19, 2019, 10:31 pm CST", 2019, 11, 19)]
    [InlineData("2024-06-20T08:15:00+07:00", 2024, 6, 20)]
    public void ReadsWrittenDates(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DateFinder.Find(text)?.Date);

    // Seeds are untrusted: digits of other scripts, which the patterns read as digits, once threw.
    [Theory]
    [InlineData("29/05/20٢٠", 2020, 5, 29)]
    [InlineData("ngày ٢٩ tháng 5 năm 2020", 2020, 5, 29)]
    [InlineData("Mar ١٥, 1999", 1999, 3, 15)]
    public void ReadsDigitsOfOtherScripts(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DateFinder.Find(text)?.Date);

    [Theory]
    [InlineData("in a phone conversation on Mar 15.")]
    [InlineData("Chiều ngày 29/5, hai bên đã trao đổi")]
    [InlineData("31/02/2020")]
    [InlineData("at 20:44")]
    public void LeavesOutDatesWithoutAYearOrThatDoNotExist(string text) => Assert.Null(DateFinder.Find(text));

    [Fact]
    public void ReadsDayFirstUnlessAskedOrTheDayCannotBeAMonth()
    {
        Assert.Equal(new DateOnly(2020, 5, 6), DateFinder.Find("05/06/2020", monthFirst: true)?.Date);
        Assert.Equal(new DateOnly(2020, 6, 5), DateFinder.Find("05/06/2020")?.Date);
        Assert.Equal(new DateOnly(2020, 5, 29), DateFinder.Find("05/29/2020")?.Date);
    }

    // The test in front of the patterns may only skip texts in which no pattern finds a date.
    [Fact]
    public void SkipsNoTextThePatternsWouldReadADateIn()
    {
        string[] days = ["1", "05", "12", "29", "31", "٢٩", "0", "123"];
        string[] months = ["1", "05", "12", "13", "٠٥", "Mar", "march", "Sept", "Nov."];
        string[] years = ["2020", "1999", "2100", "1899", "20٢٠", "٢٠٢٠", "19", "2020x", "12020"];
        string[] separators = ["/", "-", ".", " ", ", ", "", "  "];
        string[] noise = ["", "x", " ", "Posted ", "20:44 | ", "T08:15", "th", "nd", " tháng ", " năm ", "ngày ", "21", "9"];
        var random = new Random(7);
        string Pick(string[] from) => from[random.Next(from.Length)];
        var found = 0;
        for (var round = 0; round < 30_000; round++)
        {
            var (a, b, y) = (Pick(days), Pick(months), Pick(years));
            var date = random.Next(5) switch
            {
                0 => a + Pick(separators) + b + Pick(separators) + y,
                1 => y + Pick(separators) + b + Pick(separators) + a,
                2 => b + Pick(separators) + a + Pick(separators) + y,
                3 => "ngày " + a + " tháng " + b + " năm " + y,
                _ => Pick(noise) + Pick(noise) + Pick(noise),
            };
            var text = Pick(noise) + date + Pick(noise);
            if ((DateFinder.Search(text, monthFirst: false) ?? DateFinder.Search(text, monthFirst: true)) is not null)
            {
                found++;
                Assert.True(DateFinder.MayHoldYear(text), text);
            }

            Assert.Equal(DateFinder.MayHoldYear(text) ? DateFinder.Search(text, false) : null, DateFinder.Find(text));
        }

        Assert.True(found > 200, $"{found} dates found");
    }
}
