using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using StaticDossier.Rendering;
using StaticDossier.Tests.Fuzz;

namespace StaticDossier.Tests.Hostile;

/// <summary>The Markdown renderer is safe by construction (raw HTML off, URLs and attributes policed in the
/// syntax tree); HtmlSanitizer, a well-kept sanitiser, is the independent judge: on every XSS payload and
/// thousands of fuzzed bodies, sanitising our output would remove no element, attribute or URL.</summary>
public sealed class MarkdownSafetyOracleTests
{
    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<int> Batches() => [.. Enumerable.Range(0, 8)];

    [Fact]
    public void EveryXssPayloadRendersToMarkupTheSanitiserLeavesAlone()
    {
        var payloads = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestFiles", "hostile", "xss-payloads.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.True(payloads.Count >= 50);
        var problems = payloads
            .SelectMany(p => new[] { p, $"[link]({p})", $"![img]({p})", $"<{p}>", $"[x]({p}){{onclick=\"{p}\"}}", $"# {p} {{#id .c data-x=\"{p}\"}}" })
            .SelectMany(Judge).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void FuzzedBodiesRenderToMarkupTheSanitiserLeavesAlone(int batch)
    {
        var problems = new List<string>();
        for (var i = 0; i < 250; i++)
        {
            var rng = FuzzInputs.For(40 + batch, i);
            var markdown = FuzzInputs.Mutate(rng, FuzzInputs.Soup(rng, 4 + rng.Next(12)));
            problems.AddRange(Judge(markdown));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(20)));
    }

    [Theory]
    [InlineData("[a](javascript:alert(1))", "a")]
    [InlineData("[a](JaVa\tScRiPt:alert(1))", "a")]
    [InlineData("[a]( \u0001javascript:alert(1))", "a")]
    [InlineData("[a](&#106;avascript:alert(1))", "a")]
    [InlineData("[a](vbscript:msgbox)", "a")]
    [InlineData("[a](data:text/html,<script>alert(1)</script>)", "a")]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    [InlineData("![a tracking pixel](https://tracker.example/p.gif)", "a tracking pixel")]
    [InlineData("![protocol relative](//tracker.example/p.gif)", "protocol relative")]
    public void UnsafeOrRemoteAddressesLeaveOnlyTheirText(string markdown, string text)
    {
        var html = Renderer.Render(markdown);
        var document = new HtmlParser().ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("a, img"));
        Assert.Contains(text, document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[a](https://example.org/x)", "a", "href", "https://example.org/x")]
    [InlineData("[a](mailto:someone@example.org)", "a", "href", "mailto:someone@example.org")]
    [InlineData("[a](../articles/x.html#part)", "a", "href", "../articles/x.html#part")]
    [InlineData("[a](#part)", "a", "href", "#body-part")]
    [InlineData("![local](images/map.png)", "img", "src", "images/map.png")]
    [InlineData("# Main {#main .lede}", "h1", "id", "body-main")]
    public void SafeAddressesAndIdsAreKept(string markdown, string selector, string attribute, string value)
    {
        var element = new HtmlParser().ParseDocument(Renderer.Render(markdown)).QuerySelector(selector);
        Assert.NotNull(element);
        Assert.Equal(value, element.GetAttribute(attribute));
    }

    [Fact]
    public void AttributesFromContentAreLimitedToIdAndClass()
    {
        var html = Renderer.Render("# Heading {#p .note}\n\n[l](x.html){onclick=\"alert(2)\" style=\"color:red\" data-x=\"1\" .more}\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n");
        var document = new HtmlParser().ParseDocument(html);
        var attributes = document.Body!.Descendants<IElement>().SelectMany(e => e.Attributes.Select(a => a.Name)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["class", "href", "id"], attributes);
    }

    [Fact]
    public void RendersHtmlAndPlainTextTogether()
    {
        var body = Renderer.RenderBody("# Title\n\nSome *emphasis* and [a link](https://example.org).\n\n- one\n- two\n");
        Assert.Equal("Title Some emphasis and a link. one two", body.Text.Value);
        Assert.Contains("<em>emphasis</em>", body.Html.Value, StringComparison.Ordinal);
    }

    /// <summary>What HtmlSanitizer would take out of our rendering of <paramref name="markdown"/>, and anything
    /// the page audit finds; empty when the rendering is already clean.</summary>
    private static IEnumerable<string> Judge(string markdown)
    {
        string html;
        try
        {
            html = Renderer.Render(markdown);
        }
        catch (ArgumentException)
        {
            yield break; // refused input is reported by the build, never rendered
        }

        var before = Shape(html);
        var after = Shape(Sanitizer.Sanitize(html));
        if (!before.SequenceEqual(after, StringComparer.Ordinal))
        {
            yield return $"sanitiser changed {Show(markdown)}: {string.Join(" ", before.Except(after))}";
        }

        foreach (var problem in HtmlSafetyAudit.Problems("<!DOCTYPE html><html><body>" + html + "</body></html>"))
        {
            yield return $"{Show(markdown)}: {problem}";
        }
    }

    /// <summary>Every element with its attributes and values, in document order.</summary>
    private static List<string> Shape(string html) =>
        [.. new HtmlParser().ParseFragment(html, new HtmlParser().ParseDocument(string.Empty).Body!).OfType<IElement>()
            .SelectMany(e => e.DescendantsAndSelf<IElement>())
            .Select(e => e.LocalName + string.Concat(e.Attributes.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => $" {a.Name}=\"{a.Value}\"")))];

    private static string Show(string markdown) => markdown.Length > 80 ? markdown[..80] + "…" : markdown;

    // The policy the site held before the renderer became safe by construction.
    private static readonly HtmlSanitizer Sanitizer = Create();

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag.LocalName != "a" && e.SanitizedUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out Uri? _))
            {
                e.SanitizedUrl = null;
            }
        };
        return sanitizer;
    }
}
