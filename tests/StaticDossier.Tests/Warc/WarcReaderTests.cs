using System.Text;
using StaticDossier.Tests.Support;
using StaticDossier.Warc;

namespace StaticDossier.Tests.Warc;

/// <summary>The WARC reader on hand-made files: plain and gzip alike, and each kind of damage at its place.</summary>
public sealed class WarcReaderTests
{
    private static readonly byte[] First = HandMadeWarc.Response("http://a.example/1", "<html>one</html>");
    private static readonly byte[] Second = HandMadeWarc.Response("http://a.example/2", "<html>two</html>");

    private static (List<WarcRecord> Records, WarcFormatException? Error) ReadAll(byte[] warc, long cap = 1 << 20)
    {
        var records = new List<WarcRecord>();
        using var reader = new WarcReader(new MemoryStream(warc), cap);
        try
        {
            while (reader.Next() is { } record)
            {
                records.Add(record);
            }

            return (records, null);
        }
        catch (WarcFormatException ex)
        {
            return (records, ex);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadsPlainAndGzipAlike(bool gzip)
    {
        var (records, error) = ReadAll(gzip ? HandMadeWarc.Gzip(First, Second) : HandMadeWarc.Plain(First, Second));
        Assert.Null(error);
        Assert.Equal(2, records.Count);
        Assert.Equal(["http://a.example/1", "http://a.example/2"], records.Select(r => r["warc-target-uri"]));
        Assert.Equal("response", records[1].Type);
        Assert.Equal("WARC/1.1", records[0].Version);
        Assert.Equal(1, records[0].Line);
        Assert.Equal(First.Length, records[1].Offset);
        Assert.Equal(1 + Encoding.UTF8.GetString(First).Count(c => c == '\n'), records[1].Line);
        Assert.EndsWith("<html>two</html>", Encoding.UTF8.GetString(records[1].Block!), StringComparison.Ordinal);
        Assert.StartsWith("urn:uuid:", records[0].RecordId, StringComparison.Ordinal);
    }

    [Fact]
    public void ATruncatedGzipMemberStopsWithAPositionedError()
    {
        var whole = HandMadeWarc.Gzip(First, Second);
        var firstMember = HandMadeWarc.Gzip(First).Length;
        var cut = whole[..(firstMember + (whole.Length - firstMember) / 2)];
        var (records, error) = ReadAll(cut);
        Assert.Single(records);
        Assert.NotNull(error);
        Assert.True(error.Line > records[0].Line, $"line {error.Line}");
    }

    [Fact]
    public void ABlockShorterThanItsContentLengthIsAnError()
    {
        var (records, error) = ReadAll(HandMadeWarc.Plain(First, Second[..^40]));
        Assert.Single(records);
        Assert.Contains("Record 2 is cut short", error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html>not a warc</html>", "Expected a record to start with 'WARC/1.0' or 'WARC/1.1'")]
    [InlineData("WARC/0.17\r\nContent-Length: 0\r\n\r\n", "only WARC/1.0 and WARC/1.1 are read")]
    [InlineData("WARC/1.0\r\nWARC-Type: response\r\n\r\n", "has no Content-Length")]
    [InlineData("WARC/1.0\r\nContent-Length: -5\r\n\r\n", "is not a number of bytes")]
    [InlineData("WARC/1.0\r\nContent-Length: 99999999999999999999999\r\n\r\n", "is not a number of bytes")]
    [InlineData("WARC/1.0\r\nno colon here\r\n\r\n", "not 'Name: value'")]
    [InlineData("WARC/1.0\r\nContent-Length: 2\r\n\r\nabXYZ\r\n", "does not end where its Content-Length (2) says")]
    public void MalformedRecordsAreReportedWhereTheyAre(string text, string message)
    {
        var (_, error) = ReadAll(Encoding.UTF8.GetBytes(text));
        Assert.NotNull(error);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.True(error.Line >= 1);
    }

    [Fact]
    public void AnEndlessHeaderLineIsRefused()
    {
        var (_, error) = ReadAll(Encoding.ASCII.GetBytes("WARC/1.0\r\nX: " + new string('a', 200_000)));
        Assert.Contains("longer than", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABlockOverTheCapIsReadPastNotKept()
    {
        var big = HandMadeWarc.Response("http://a.example/big", "<html>" + new string('x', 5000) + "</html>");
        var (records, error) = ReadAll(HandMadeWarc.Gzip(big, Second), cap: 1000);
        Assert.Null(error);
        Assert.Null(records[0].Block);
        Assert.True(records[0].ContentLength > 5000);
        Assert.NotNull(records[1].Block);
    }

    [Fact]
    public void EmptyInputHasNoRecords() => Assert.Empty(ReadAll([]).Records);
}
