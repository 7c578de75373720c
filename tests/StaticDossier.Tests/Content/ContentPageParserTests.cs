using StaticDossier.Content;
using StaticDossier.Diagnostics;

namespace StaticDossier.Tests.Content;

public sealed class ContentPageParserTests
{
    [Fact]
    public void ParsesFrontMatterAndBody()
    {
        var page = ContentPageParser.Parse("content/a.md", "---\ntitle: A\ndate: 2022-03-15\ntags: [x, y]\n---\n\nBody text.\n", new DiagnosticBag());
        Assert.NotNull(page);
        Assert.Equal("A", page.Meta.Title);
        Assert.Equal(new DateOnly(2022, 3, 15), page.Meta.ParsedDate);
        Assert.Equal(["x", "y"], page.Meta.Tags!);
        Assert.Equal("Body text.\n", page.MarkdownBody);
        Assert.Equal(6, page.BodyStartLine);
    }

    [Fact]
    public void ReportsLineOfBadYaml()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(ContentPageParser.Parse("content/a.md", "---\ntitle: A\ntags: [x, y\n---\nBody\n", diagnostics));
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.FrontMatterInvalid, error.Code);
        Assert.Equal("content/a.md", error.Location.Path);
        Assert.InRange(error.Location.Line, 3, 4);
    }

    [Fact]
    public void ReportsUnknownAndDuplicateKeys()
    {
        var unknown = new DiagnosticBag();
        ContentPageParser.Parse("a.md", "---\ntitle: A\ntittle: B\n---\n", unknown);
        Assert.Equal(3, Assert.Single(unknown).Location.Line);

        var duplicate = new DiagnosticBag();
        ContentPageParser.Parse("a.md", "---\ntitle: A\ntitle: B\n---\n", duplicate);
        Assert.Contains("Duplicate", Assert.Single(duplicate).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---\ntitle: A\n", "second '---'")]
    [InlineData("title: A\n", "no front matter")]
    [InlineData("---\ntitle: A\ndate: 2022-02-30\n---\n", "real date")]
    public void ExplainsWhatIsWrong(string text, string expected)
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(ContentPageParser.Parse("a.md", text, diagnostics));
        Assert.Contains(expected, Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeepsTheUniquenessSuffixOfALongFileName()
    {
        var stem = string.Join('-', Enumerable.Repeat("long-title-word", 8));
        var a = ContentPageParser.Parse($"content/{stem}.md", "---\ntitle: A\n---\n", new DiagnosticBag())!;
        var b = ContentPageParser.Parse($"content/{stem}-001-seed.md", "---\ntitle: A\n---\n", new DiagnosticBag())!;
        Assert.NotEqual(a.Slug, b.Slug);
        Assert.EndsWith("-001-seed", b.Slug, StringComparison.Ordinal);
    }
}
