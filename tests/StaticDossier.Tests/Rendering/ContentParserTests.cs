using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using StaticDossier.Rendering;
using StaticDossier.Tests.Fuzz;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

/// <summary>The content parser skips Markdig's autolink extension where it cannot match: its trees must be the ones
/// the full pipeline makes, node for node, on documents that hold addresses everywhere Markdown can put them.</summary>
public sealed class ContentParserTests
{
    [Fact]
    public void FindsTheAddressStartsASearchForTheSixStringsFinds()
    {
        string[] pieces =
        [
            "http://", "https://", "ftp://", "www.", "mailto:", "tel:", "http", "https", "ftp", "mailto", "tel", "ww", "w", "wwww.", ":", "://", "//",
            ":/", ".", "h", "s", "p", "t", "l", "HTTP://", "Tel:", " ", "\n", "a", "Việt", "😀", "x:y",
        ];
        var starts = new List<int>();
        for (var i = 0; i < 5000; i++)
        {
            var rng = FuzzInputs.For(kind: 46, index: i);
            var text = new StringBuilder();
            for (var n = rng.Next(0, 30); n > 0; n--)
            {
                text.Append(pieces[rng.Next(pieces.Length)]);
            }

            var markdown = text.ToString();
            var expected = new List<int>();
            for (var at = 0; markdown.AsSpan(at).IndexOfAny(AddressStarts) is var found and >= 0; at += found + 1)
            {
                expected.Add(at + found);
            }

            ContentParser.AddressStartsIn(markdown, starts);
            Assert.Equal(expected, starts);
        }
    }

    // What Markdig's AutoLinkParser checks for before it reads an address, searched for as the parser first did.
    private static readonly System.Buffers.SearchValues<string> AddressStarts =
        System.Buffers.SearchValues.Create(["http://", "https://", "ftp://", "www.", "mailto:", "tel:"], StringComparison.Ordinal);

    [Fact]
    public void GivesTheTreeOfTheFullPipeline()
    {
        var documents = MarkdownTreeWalkTests.Inputs()
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "content"), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText))
            .Concat(Articles());
        var (withAutolinks, addressesOutsideText) = (0, 0);
        foreach (var text in documents)
        {
            MarkdownDocument full;
            try
            {
                full = Markdown.Parse(text, ContentParser.Pipeline);
            }
            catch (ArgumentException)
            {
                Assert.Throws<ArgumentException>(() => ContentParser.Parse(text));
                continue;
            }

            var expected = Dump(full);
            Assert.Equal(expected, Dump(ContentParser.Parse(text)));
            if (full.Descendants<LinkInline>().Any(l => l.IsAutoLink))
            {
                withAutolinks++;
            }
            else if (text.Contains("http://", StringComparison.Ordinal) || text.Contains("www.", StringComparison.Ordinal))
            {
                addressesOutsideText++;
            }
        }

        // Both ways were taken many times: the parse again, and the quick parse of a body holding addresses.
        Assert.True(withAutolinks > 300, $"{withAutolinks} documents with autolinks");
        Assert.True(addressesOutsideText > 300, $"{addressesOutsideText} documents with addresses but no autolink");
    }

    [Theory]
    [InlineData("See [the report](https://example.org/r) and www.example.org today.")]
    [InlineData("> Quoted: http://example.org/x_y_z.")]
    [InlineData("- item **https://example.org** end")]
    [InlineData("| a | b |\n|---|---|\n| mailto:a@b.org | x |")]
    [InlineData("# Heading with ftp://files.example.org/f")]
    [InlineData("Text (www.example.org) and *www.example.org*.")]
    [InlineData("*[www]: World Wide Web\n\nSee www.example.org for it.")]
    [InlineData("*[http]: Hypertext\n\nSee http://example.org for it.")]
    [InlineData("*[www.example.org]: the site\n\nSee www.example.org for it.")]
    [InlineData("*[See]: look\n\nSee www.example.org for it.")]
    public void FindsAnAddressInText(string markdown)
    {
        var document = ContentParser.Parse(markdown);
        Assert.Contains(document.Descendants<LinkInline>(), l => l.IsAutoLink);
        Assert.Equal(Dump(Markdown.Parse(markdown, ContentParser.Pipeline)), Dump(document));
    }

    /// <summary>Bodies shaped like the benchmark's: addresses only in link destinations and code.</summary>
    private static IEnumerable<string> Articles()
    {
        for (var i = 0; i < 200; i++)
        {
            yield return $"## Part {i}\n\nWords [vote {i}](https://news.example.org/{i}.html) and `http://code` with **oil**.\n\n"
                + $"- a [link](http://x.y/{i}) here\n- and <https://x.y/{i}>\n\n> quote ![img](/a/{i}.png)\n\n```\nwww.example.org\n```\n";
        }
    }

    /// <summary>Every node in document order with its type, source span and what it says, then the HTML.</summary>
    private static string Dump(MarkdownDocument document)
    {
        var text = new StringBuilder();
        foreach (var node in document.Descendants())
        {
            text.Append(node.GetType().Name).Append(' ').Append(node.Span.Start).Append('-').Append(node.Span.End);
            switch (node)
            {
                case LiteralInline literal:
                    text.Append(" \"").Append(literal.Content.ToString()).Append('"');
                    break;
                case LinkInline link:
                    text.Append(' ').Append(link.Url).Append(link.IsAutoLink ? " auto" : "");
                    break;
            }

            text.Append('\n');
        }

        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        ContentParser.Pipeline.Setup(renderer);
        try
        {
            renderer.Render(document);
        }
        catch (ArgumentException)
        {
            return text.Append("(too deeply nested to render)").ToString();
        }

        return text.Append(writer).ToString();
    }
}
