using System.Text;
using Markdig;
using Markdig.Renderers;
using StaticDossier.Rendering;
using StaticDossier.Tests.Fuzz;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

/// <summary>A body's plain text is collapsed as Markdig writes it: it must be the text a whole render collapsed afterwards
/// gives, whatever Markdig writes and in whatever pieces.</summary>
public sealed class CollapsingWriterTests
{
    [Fact]
    public void MarkdigsTextRenderCollapsedAsItIsWrittenIsTheWholeRenderCollapsed()
    {
        var pipeline = MarkdownRenderer.ContentPipeline;
        var documents = MarkdownTreeWalkTests.Inputs()
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "content"), "*.md").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var compared = 0;
        foreach (var text in documents)
        {
            var whole = new StringWriter();
            var collapsing = new CollapsingWriter();
            try
            {
                var document = Markdown.Parse(text, pipeline);
                Render(document, whole);
                Render(document, collapsing);
            }
            catch (ArgumentException)
            {
                continue; // nesting Markdig refuses; the renderer reports it
            }

            Assert.Equal(MarkdownRenderer.Collapse(whole.ToString()), collapsing.TakeUtf8().Value);
            compared++;
        }

        Assert.True(compared > 3000, $"only {compared} documents compared");
    }

    [Fact]
    public void EveryWayOfWritingCollapsesAsTheWholeTextDoes()
    {
        string[] pieces =
        [
            " ", "  ", "\t", "\n", "\r\n", "\v", "\f", "\u0084", "\u0085", "\u00A0", "\u1680", "\u2000", "\u200A", "\u2028", "\u2029", "\u202F",
            "\u205F", "\u3000", "\u200B", "\u0008", "\u000E", "\u001F", "a", "word", "Việt Nam", "\ud83c\uddfb\ud83c\uddf3", "\ud800", "x.", "",
        ];
        var writer = new CollapsingWriter();
        for (var i = 0; i < 3000; i++)
        {
            var rng = FuzzInputs.For(kind: 44, index: i);
            var whole = new StringBuilder();
            for (var n = rng.Next(0, 40); n > 0; n--)
            {
                var piece = pieces[rng.Next(pieces.Length)];
                whole.Append(piece);
                switch (rng.Next(7))
                {
                    case 0: writer.Write(piece); break;
                    case 1: writer.Write(piece.AsSpan()); break;
                    case 2: writer.Write(piece.ToCharArray(), 0, piece.Length); break;
                    case 3: foreach (var c in piece) { writer.Write(c); } break;
                    case 4: writer.Write(new StringBuilder(piece)); break;
                    case 5: writer.WriteLine(piece); whole.Append('\n'); break;
                    default: writer.Write("{0}", piece); break;
                }
            }

            Assert.Equal(Encoding.UTF8.GetBytes(MarkdownRenderer.Collapse(whole.ToString())), writer.TakeUtf8().Bytes.ToArray());
        }
    }

    private static void Render(Markdig.Syntax.MarkdownDocument document, TextWriter writer)
    {
        var renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = false };
        MarkdownRenderer.ContentPipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
    }
}
