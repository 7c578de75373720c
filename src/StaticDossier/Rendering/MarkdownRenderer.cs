using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

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

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    /// <summary>Renders <paramref name="markdown"/> to sanitised HTML.</summary>
    public string Render(string markdown) => _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));

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
