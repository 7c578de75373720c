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

    /// <summary>Pages read from disk are parsed from their bytes, the front matter and body decoded apart; that way
    /// must agree with parsing the decoded text on every shape of file, well-formed or not.</summary>
    [Fact]
    public void ParsingTheBytesAgreesWithParsingTheText()
    {
        string[] openings = ["---\n", "--- \n", "---\u00A0\n", "---\t\n", "----\n", " ---\n", "\uFEFF---\n", "---\r\n", ""];
        string[] yamls = ["title: A\n", "title: Ảnh\ntags: [x, y]\n", "tittle: B\n", "title: [\n", "", "title: A\n---x: 1\n"];
        string[] closings = ["---\n", "---  \n", "---\u3000\n", "---", "--- x\n", "---\r\n", ""];
        string[] bodies = ["", "\n", "\n\nBody ở đây.\n", "Body\n---\nmore\n", "\n---\ntitle: B\n---\nx\n", "\n\n\n", "a\r\nb\n"];
        var cases = 0;
        foreach (var opening in openings)
        {
            foreach (var yaml in yamls)
            {
                foreach (var closing in closings)
                {
                    foreach (var body in bodies)
                    {
                        var text = opening + yaml + closing + body;
                        var fromText = new DiagnosticBag();
                        var fromBytes = new DiagnosticBag();
                        var expected = ContentPageParser.Parse("a.md", text, fromText);
                        var actual = ContentPageParser.Parse("a.md", System.Text.Encoding.UTF8.GetBytes(text), fromBytes);
                        Assert.True(Describe(expected) == Describe(actual), $"{Describe(expected)} != {Describe(actual)} for {text}");
                        Assert.Equal(fromText.Select(d => d.ToString()), fromBytes.Select(d => d.ToString()));
                        cases++;
                    }
                }
            }
        }

        Assert.Equal(openings.Length * yamls.Length * closings.Length * bodies.Length, cases);

        static string Describe(ContentPage? page) => page is null ? "null"
            : $"{page.Meta.Title}|{string.Join(',', page.Meta.Tags ?? [])}|{page.BodyStartLine}|{page.MarkdownBody}";
    }
}
