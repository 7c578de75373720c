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
}
