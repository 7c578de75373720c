using System.Text;
using AngleSharp.Dom;

namespace StaticDossier.Cleaning;

/// <summary>Walks a DOM and cuts it into text blocks at block-level elements, recording for each block
/// its link text, its container and any navigation-like ancestor.</summary>
internal sealed class BlockReader
{
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "button", "select", "input", "textarea", "option",
        "head", "link", "meta", "param", "embed", "canvas", "map", "video", "audio", "img", "picture", "source", "math",
    };

    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
        "figure", "figcaption", "form", "fieldset", "address", "hr", "body", "center", "details", "summary", "caption",
        "menu", "dialog", "hgroup", "legend",
    };

    private static readonly HashSet<string> SemanticNoise = new(StringComparer.Ordinal) { "nav", "aside", "footer", "menu", "dialog" };

    private readonly List<Block> _blocks = [];
    private readonly Stack<IElement> _containers = new();
    private readonly Dictionary<IElement, (IElement? Noisy, string? Hint)> _noise = [];
    private readonly StringBuilder _text = new();
    private int _linkChars;
    private int _linkDepth;
    private bool _pendingSpace;

    /// <summary>The blocks of <paramref name="document"/> in reading order.</summary>
    public static List<Block> Read(IDocument document)
    {
        var reader = new BlockReader();
        var body = document.Body ?? document.DocumentElement;
        reader._containers.Push(body);
        reader.Walk(body);
        reader.Flush();
        return reader._blocks;
    }

    private void Walk(INode node)
    {
        for (var child = node.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is IText t)
            {
                Append(t.Data);
            }
            else if (child is IElement e)
            {
                var name = e.LocalName;
                if (Skipped.Contains(name) || IsHidden(e) || (name == "object" && ShowsItsResource(e)))
                {
                    continue;
                }

                if (name == "br")
                {
                    Flush();
                    continue;
                }

                if (BlockTags.Contains(name))
                {
                    Flush();
                    _containers.Push(e);
                    Walk(e);
                    Flush();
                    _containers.Pop();
                }
                else if (name == "a")
                {
                    _linkDepth++;
                    Walk(e);
                    _linkDepth--;
                }
                else
                {
                    Walk(e);
                }
            }
        }
    }

    // A browser shows an <object>'s children when it cannot show the object itself: always for a plugin (Flash,
    // Java), which no browser runs any more, so a video player's caption or transcript inside one is on screen (and in
    // the page's text dump). An image, page or PDF it can show replaces them.
    private static bool ShowsItsResource(IElement e)
    {
        var type = e.GetAttribute("type") ?? string.Empty;
        if (type.StartsWith("image/", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || type.Equals("application/pdf", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var data = e.GetAttribute("data") ?? string.Empty;
        var end = data.IndexOfAny(['?', '#']);
        var path = end < 0 ? data : data[..end];
        return type.Length == 0 && RenderedExtensions.Any(x => path.EndsWith(x, StringComparison.OrdinalIgnoreCase));
    }

    private static readonly string[] RenderedExtensions =
        [".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".html", ".htm", ".pdf", ".txt"];

    private static bool IsHidden(IElement e) =>
        e.HasAttribute("hidden")
        || (e.GetAttribute("style") is { } style && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)))
        || (e.GetAttribute("aria-hidden") == "true" && e.LocalName != "body");

    private void Append(string data)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                _pendingSpace = _text.Length > 0;
                continue;
            }

            if (_pendingSpace)
            {
                _text.Append(' ');
                if (_linkDepth > 0)
                {
                    _linkChars++;
                }

                _pendingSpace = false;
            }

            _text.Append(c);
            if (_linkDepth > 0)
            {
                _linkChars++;
            }
        }

        if (data.Length > 0 && char.IsWhiteSpace(data[^1]))
        {
            _pendingSpace = _text.Length > 0;
        }
    }

    private void Flush()
    {
        if (_text.Length > 0)
        {
            var container = _containers.Peek();
            var (noisy, hint) = NoiseOf(container);
            var line = container.GetAttribute("data-line") is { } dl
                ? int.Parse(dl, System.Globalization.CultureInfo.InvariantCulture)
                : container.SourceReference?.Position.Line ?? 0;
            _blocks.Add(new Block(_blocks.Count, line, _text.ToString(), container.LocalName, container)
            {
                LinkChars = _linkChars,
                NoisyAncestor = noisy,
                NoiseHint = hint,
                AfterGap = container.HasAttribute("data-gap"),
                InFigure = InFigure(container),
            });
        }

        _text.Clear();
        _linkChars = 0;
        _pendingSpace = false;
    }

    private static bool InFigure(IElement? e)
    {
        for (; e is not null; e = e.ParentElement)
        {
            if (e.LocalName is "figure" or "figcaption")
            {
                return true;
            }
        }

        return false;
    }

    // The deepest ancestor-or-self that looks like page furniture, cached per element.
    private (IElement? Noisy, string? Hint) NoiseOf(IElement? element)
    {
        if (element is null || element.LocalName is "body" or "html")
        {
            return (null, null);
        }

        if (_noise.TryGetValue(element, out var cached))
        {
            return cached;
        }

        var own = OwnNoise(element);
        var result = own is null ? NoiseOf(element.ParentElement) : (element, own);
        _noise[element] = result;
        return result;
    }

    private static bool HasArticleClass(IElement e)
    {
        foreach (var name in e.ClassList)
        {
            if (Lexicon.ArticleClassNames.Contains(name.ToLowerInvariant()))
            {
                return true;
            }
        }

        return false;
    }

    private static string? OwnNoise(IElement e)
    {
        if (SemanticNoise.Contains(e.LocalName))
        {
            return "<" + e.LocalName + ">";
        }

        if (e.GetAttribute("role") is "navigation" or "complementary" or "contentinfo" or "banner" or "menu" or "search")
        {
            return "role=" + e.GetAttribute("role");
        }

        // The article's own element says so in markup; its class names (WordPress's "author-jane category-social")
        // describe the post, not furniture.
        if (e.LocalName is "article" or "main" || e.GetAttribute("itemprop") == "articleBody")
        {
            return null;
        }

        var names = (e.GetAttribute("class") + " " + e.Id).ToLowerInvariant();
        // So does a post's microformat or CMS class (hAtom's "hentry", WordPress's "type-post", "entry-content"):
        // "post_box top" or "entry-author-jane" beside it is the theme's styling of the post.
        if (HasArticleClass(e))
        {
            return null;
        }

        // Embedded posts and quotes (a tweet in a "social-media-embed") are part of the story.
        if (names.Length < 2 || names.Contains("embed", StringComparison.Ordinal) || names.Contains("tweet", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var fragment in Lexicon.NoiseNameFragments)
        {
            if (names.Contains(fragment, StringComparison.Ordinal))
            {
                return "class/id '" + fragment + "'";
            }
        }

        foreach (var token in names.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Lexicon.NoiseNameTokens.Contains(token))
            {
                return "class/id '" + token + "'";
            }
        }

        return null;
    }
}
