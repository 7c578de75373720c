using StaticDossier.Building;
using StaticDossier.Rendering;

namespace StaticDossier.Tests.Building;

public sealed class MarkdownCacheTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "dossier-mdcache-" + Guid.NewGuid().ToString("N"));

    public MarkdownCacheTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public void RendersOnceThenServesFromDisk()
    {
        var first = MarkdownCache.Load(_dir);
        var html = first.Render("# Title\n\nSome *text*.");
        Assert.Equal(new MarkdownRenderer().RenderBody("# Title\n\nSome *text*."), html);
        first.Save(_dir);

        var second = MarkdownCache.Load(_dir);
        Assert.Equal(html, second.Render("# Title\n\nSome *text*."));
        Assert.Equal(1, second.Hits);
        Assert.Equal(0, second.Misses);
    }

    [Fact]
    public void AppendedBodiesAreReadBack()
    {
        var first = MarkdownCache.Load(_dir);
        first.Render("one");
        first.Save(_dir);
        var second = MarkdownCache.Load(_dir);
        second.Render("one");
        second.Render("two");
        second.Save(_dir);

        var third = MarkdownCache.Load(_dir);
        third.Render("one");
        third.Render("two");
        Assert.Equal(2, third.Hits);
    }

    [Fact]
    public void TornFileIsDiscardedNotTrusted()
    {
        var first = MarkdownCache.Load(_dir);
        first.Render("a body long enough to be cut in the middle of its HTML");
        first.Save(_dir);
        var path = Path.Combine(_dir, "markdown.bin");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);

        var second = MarkdownCache.Load(_dir);
        var html = second.Render("a body long enough to be cut in the middle of its HTML");
        Assert.Equal(0, second.Hits);
        Assert.Equal(new MarkdownRenderer().RenderBody("a body long enough to be cut in the middle of its HTML"), html);
    }

    /// <summary>Bodies are decoded when asked for, and checked as they are: a record whose bytes went bad is rendered
    /// again (and never published as it was), while the file's other bodies are still served.</summary>
    [Fact]
    public void ABodyDamagedInPlaceIsRenderedAgainAndTheOthersStillServed()
    {
        var first = MarkdownCache.Load(_dir);
        first.Render("Only *this* body: zebra.");
        first.Render("Another body entirely.");
        first.Save(_dir);
        var path = Path.Combine(_dir, "markdown.bin");
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf("zebra"u8);
        Assert.True(at > 0);
        bytes[at] = 0xFF; // not UTF-8; the record keeps its length
        File.WriteAllBytes(path, bytes);

        var second = MarkdownCache.Load(_dir);
        Assert.Equal(new MarkdownRenderer().RenderBody("Only *this* body: zebra."), second.Render("Only *this* body: zebra."));
        Assert.Equal(new MarkdownRenderer().RenderBody("Another body entirely."), second.Render("Another body entirely."));
        Assert.Equal(1, second.Hits);
        Assert.Equal(1, second.Misses);
    }

    /// <summary>The plain text is kept as the file's bytes, not decoded: a text damaged in place is caught all the same,
    /// and its body rendered again.</summary>
    [Fact]
    public void ABodyWhoseTextIsDamagedInPlaceIsRenderedAgain()
    {
        var first = MarkdownCache.Load(_dir);
        first.Render("Only *this* body: zebra.");
        first.Save(_dir);
        var path = Path.Combine(_dir, "markdown.bin");
        var bytes = File.ReadAllBytes(path);
        // The record's HTML comes first, then its text.
        var at = bytes.AsSpan().LastIndexOf("zebra"u8);
        Assert.True(at > bytes.AsSpan().IndexOf("zebra"u8));
        bytes[at] = 0xFF;
        File.WriteAllBytes(path, bytes);

        var second = MarkdownCache.Load(_dir);
        Assert.Equal(new MarkdownRenderer().RenderBody("Only *this* body: zebra."), second.Render("Only *this* body: zebra."));
        Assert.Equal(0, second.Hits);
        Assert.Equal(1, second.Misses);
    }

    [Fact]
    public void AfterRenderingTheFileIsLetGoAndBodiesAreStillRightAndSaved()
    {
        var first = MarkdownCache.Load(_dir);
        first.Render("kept");
        first.Save(_dir);

        var second = MarkdownCache.Load(_dir);
        Assert.Equal(new MarkdownRenderer().RenderBody("kept"), second.Render("kept"));
        second.DoneRendering();
        Assert.Equal(new MarkdownRenderer().RenderBody("kept"), second.Render("kept"));
        Assert.Equal((1, 1), (second.Hits, second.Misses));
        second.Save(_dir);
        var third = MarkdownCache.Load(_dir);
        third.Render("kept");
        Assert.Equal(1, third.Hits);
    }

    /// <summary>Bodies are kept as UTF-8 and written as they are: one outside ASCII comes back byte for byte, and a file
    /// written when bodies were strings (BinaryWriter's own string records) is read as before.</summary>
    [Fact]
    public void ABodyOutsideAsciiComesBackByteForByteFromAFileOfEitherMaking()
    {
        const string Markdown = "Phạm Bình Minh nói: “Xin chào” 😀 — *nhấn mạnh*.";
        var first = MarkdownCache.Load(_dir);
        var rendered = first.Render(Markdown);
        first.Save(_dir);
        var second = MarkdownCache.Load(_dir);
        var cached = second.Render(Markdown);
        Assert.Equal(1, second.Hits);
        Assert.Equal(rendered.Html.Value, cached.Html.Value);
        Assert.Contains("😀", cached.Html.Value, StringComparison.Ordinal);

        var path = Path.Combine(_dir, "markdown.bin");
        using (var writer = new BinaryWriter(File.Create(path), System.Text.Encoding.UTF8))
        {
            writer.Write("staticdossier-markdown-cache-3");
            writer.Write(BuildFingerprint.Generator);
            writer.Write(BuildFingerprint.Sha256(Markdown));
            writer.Write(rendered.Html.Value);
            writer.Write(rendered.Text.Value);
        }

        var third = MarkdownCache.Load(_dir);
        Assert.Equal(rendered, third.Render(Markdown));
        Assert.Equal(1, third.Hits);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
