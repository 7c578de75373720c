using System.Text;
using Markdig;
using Markdig.Syntax;
using StaticDossier.Rendering;
using StaticDossier.Tests.Fuzz;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

/// <summary>The renderer lists the nodes to police with a walk of its own: it must list what Markdig's
/// Descendants() lists, in the same order, or a hostile node could go unpoliced.</summary>
public sealed class MarkdownTreeWalkTests
{
    // Pieces of every kind of node the content pipeline makes: links in links, images, autolinks, emphasis, lists,
    // quotes, tables, footnotes, definitions, attributes, containers, figures.
    private static readonly string[] Pieces =
    [
        "http://example.org", "https://example.org/a_b?c=d#e", "HTTP://EXAMPLE.ORG", "hTtPs://x.y", "http://", "https://", "http:/x",
        "ftp://files.example.org/f.txt", "FTP://x.y", "ftp:/", "mailto:someone@example.org", "MAILTO:A@B.C", "mailto:@x", "mailto:x",
        "www.example.org", "WWW.EXAMPLE.ORG", "Www.x", "www.", "ww.x", "wwwx", "has", "with", "when", "from", "minister", "http", "mail",
        "tel:+84123", "*", "**", "_", "~~", "[", "]", "](", ")", "(", "<", ">", "`", "\"", "'", ".", ",", ";", ":", "!", "?", "-", "—",
        " ", " ", " ", "\n", "\n\n", "> ", "- ", "# ", "| a | b |\n|---|---|\n| ", "{.c}", "<https://x.y>", "[t](https://x.y)", "![i](www.x.y)",
        "Hà Nội", "Việt Nam", "Лавров", "[a ![b](x.png) c](y.html)", "[^1]", "\n\n[^1]: note\n", "Term\n: definition\n",
        "::: box\n", "\n:::\n", "^^^ figure\n", "    - nested\n", "1. one\n", "a. alpha\n", "- [x] done\n", "*[HTML]: Hyper\n", "$x$",
        "{#id .cls key=value}", "``code``", "\n```\nfence\n```\n", "\n+---+---+\n| a | b |\n+---+---+\n",
    ];

    [Fact]
    public void TheTreeWalkListsWhatDescendantsLists()
    {
        var pipeline = MarkdownRenderer.ContentPipeline;
        var documents = Inputs().Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "content"), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var nodes = 0;
        foreach (var text in documents)
        {
            MarkdownDocument document;
            try
            {
                document = Markdown.Parse(text, pipeline);
            }
            catch (ArgumentException)
            {
                continue; // nesting Markdig refuses; the renderer reports it
            }

            var walked = new List<MarkdownObject>();
            MarkdownRenderer.AddDescendants(document, walked);
            Assert.Equal(document.Descendants().ToList(), walked, ReferenceEqualityComparer.Instance);
            nodes += walked.Count;
        }

        Assert.True(nodes > 50_000, $"only {nodes} nodes walked");
    }

    /// <summary>3,000 documents of the pieces above and 500 of character soup (also used by <see cref="ContentParserTests"/>).</summary>
    internal static IEnumerable<string> Inputs()
    {
        for (var i = 0; i < 3000; i++)
        {
            var rng = FuzzInputs.For(kind: 41, index: i);
            var text = new StringBuilder();
            for (var n = rng.Next(1, 40); n > 0; n--)
            {
                text.Append(Pieces[rng.Next(Pieces.Length)]);
                if (rng.Next(3) == 0)
                {
                    text.Append(' ');
                }
            }

            yield return text.ToString();
        }

        for (var i = 0; i < 500; i++)
        {
            yield return FuzzInputs.Soup(FuzzInputs.For(kind: 42, index: i), 30);
        }
    }
}
