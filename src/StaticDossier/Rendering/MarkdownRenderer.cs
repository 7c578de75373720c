using AngleSharp.Dom;
using AngleSharp;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Markdig;
using StaticDossier.Diagnostics;

namespace StaticDossier.Rendering;

/// <summary>Markdown → safe HTML. One immutable pipeline; raw HTML in content is shown as text, and the
/// result is sanitised so no link or attribute from a seed can run script.</summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    /// <summary>Put before every id in rendered content, so content ids never equal the page's own.</summary>
    public const string BodyIdPrefix = "body-";
    private static readonly IConfiguration ParserConfiguration = Configuration.Default.WithCss();

    // HtmlSanitizer's default factory sets up a new parser and browsing context for every call, which was half
    // of a large build's sanitising time; one parser per thread gives byte-identical output.
    private static readonly ThreadLocal<HtmlParser> Parsers = new(() => new HtmlParser(new HtmlParserOptions(), BrowsingContext.New(ParserConfiguration)));

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>Renders <paramref name="markdown"/> to sanitised HTML.</summary>
    /// <exception cref="ArgumentException">Markdig refuses the input (nesting deeper than 128 levels).</exception>
    public string Render(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));

    /// <summary>Renders <paramref name="markdown"/>; Markdown that Markdig refuses (e.g. 128 nested '&gt;' or '[')
    /// is reported at <paramref name="location"/> and gives null.</summary>
    public string? Render(string markdown, SourceLocation location, DiagnosticBag diagnostics)
    {
        try
        {
            return Render(markdown);
        }
        catch (ArgumentException ex)
        {
            diagnostics.Error(DiagnosticCodes.ContentMarkdownUnrenderable,
                $"Markdown cannot be rendered: {ex.Message} Look for a long run of '>', '[' or list indentation.", location);
            return null;
        }
    }

    /// <summary>The text of <paramref name="markdown"/> without markup, whitespace collapsed.</summary>
    public string ToPlainText(string markdown)
    {
        try
        {
            return string.Join(' ', Markdown.ToPlainText(markdown, _pipeline).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        catch (ArgumentException)
        {
            // Markdig refuses absurd nesting; rendering the body reports it, and search simply has no text for it.
            return string.Empty;
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer { HtmlParserFactory = () => Parsers.Value! };
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        // A link may lead off the site, but nothing may load from off it: a remote image is a tracking pixel
        // and breaks the archive offline.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag.LocalName != "a" && e.SanitizedUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out Uri? _))
            {
                e.SanitizedUrl = null;
            }
        };

        // Heading ids from content live beside the page's own (main, related-heading …): prefix them, and
        // the body's links to them, so a seed's "# Main" cannot hijack the skip link or clash with an anchor.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element)
            {
                return;
            }

            if (element.Id is { Length: > 0 } id)
            {
                element.Id = BodyIdPrefix + id;
            }

            if (element.LocalName == "a" && element.GetAttribute("href") is { } href && href.StartsWith('#') && href.Length > 1)
            {
                element.SetAttribute("href", "#" + BodyIdPrefix + href[1..]);
            }
        };
        return sanitizer;
    }
}
