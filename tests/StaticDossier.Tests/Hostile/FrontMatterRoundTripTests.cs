using StaticDossier.Content;
using StaticDossier.Diagnostics;

namespace StaticDossier.Tests.Hostile;

/// <summary>What ingest writes, build reads back unchanged, however odd the headline.</summary>
public sealed class FrontMatterRoundTripTests
{
    [Theory]
    [InlineData("Null")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("true")]
    [InlineData("2022-03-15")]
    [InlineData(" leading and trailing ")]
    [InlineData("line\u2028separator")]
    [InlineData("paragraph\u2029separator")]
    [InlineData("Việt\u00a0Nam: «Hà Nội» — #1 & *2* 'q' \"qq\" {{ x }} [a] !tag %p @at `b` | > ? - :")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("---")]
    [InlineData("title: injected\nslug: x")]
    public void OddTitlesSurviveAWriteAndARead(string title)
    {
        var text = ContentPageFormatter.Format(new FrontMatter { Title = title, Source = title, Tags = [title] }, "Body.");
        var diagnostics = new DiagnosticBag();
        var page = ContentPageParser.Parse("content/x.md", text, diagnostics);
        Assert.True(page is not null, string.Join('\n', diagnostics) + "\n" + text);
        Assert.Equal(title, page.Meta.Title);
        Assert.Equal(title, page.Meta.Source);
        Assert.Equal([title], page.Meta.Tags!);
        Assert.Null(page.Meta.Slug);
        Assert.Equal("Body.\n", page.MarkdownBody);
    }
}
