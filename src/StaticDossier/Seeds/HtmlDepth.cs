namespace StaticDossier.Seeds;

/// <summary>Bounds how deeply a saved page nests its elements, before it reaches the HTML parser. AngleSharp's tree
/// builder takes time quadratic in the depth (10,000 levels 2 s, 40,000 levels 31 s, measured), while a real news
/// page nests a few dozen levels. The scan over-counts rather than under-counts: it follows the tokenizer's states
/// that matter (comments, raw text such as scripts, quoted attributes) and the tree builder's rules that keep real
/// pages shallow (void elements, end tags closing what they name, a new &lt;p&gt; or &lt;li&gt; closing the last
/// one, SVG and MathML's self-closing tags), and counts every other start tag as a level.</summary>
internal static class HtmlDepth
{
    /// <summary>The deepest nesting accepted: ten times what the deepest page of the eval set reaches, and parsed in
    /// milliseconds.</summary>
    public const int MaxDepth = 512;

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
        "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>Elements whose content the tokenizer does not read as tags.</summary>
    private static readonly HashSet<string> RawText = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    };

    /// <summary>Elements whose end tag is optional, each with the elements that stop a new one from closing an open one
    /// (the tree builder's scopes): a &lt;p&gt; closes the open &lt;p&gt; unless a table or button lies between, a
    /// &lt;li&gt; the open &lt;li&gt; unless a list or other block (not a div) lies between.</summary>
    private static readonly Dictionary<string, HashSet<string>> ClosedBySibling = Closers();

    private static Dictionary<string, HashSet<string>> Closers()
    {
        HashSet<string> button = new(StringComparer.Ordinal) { "html", "table", "td", "th", "caption", "button", "object", "marquee", "applet", "template", "svg", "math" };
        HashSet<string> special = new(StringComparer.Ordinal)
        {
            "html", "body", "ul", "ol", "dl", "menu", "table", "td", "th", "tr", "caption", "section", "article", "aside", "nav", "main", "header",
            "footer", "blockquote", "fieldset", "form", "figure", "details", "button", "select", "object", "template", "svg", "math",
        };
        HashSet<string> table = new(StringComparer.Ordinal) { "html", "table", "template" };
        HashSet<string> select = new(StringComparer.Ordinal) { "html", "select", "datalist" };
        HashSet<string> ruby = new(StringComparer.Ordinal) { "html", "ruby" };
        return new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["p"] = button, ["li"] = special, ["dt"] = special, ["dd"] = special,
            ["tr"] = table, ["td"] = table, ["th"] = table, ["thead"] = table, ["tbody"] = table, ["tfoot"] = table, ["caption"] = table, ["colgroup"] = table,
            ["option"] = select, ["optgroup"] = select,
            ["rb"] = ruby, ["rt"] = ruby, ["rp"] = ruby, ["rtc"] = ruby,
        };
    }

    /// <summary>HTML start tags that end SVG or MathML content (the tree builder's "breakout" list).</summary>
    private static readonly HashSet<string> ForeignBreakout = new(StringComparer.Ordinal)
    {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4",
        "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small",
        "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font",
    };

    /// <summary>The 1-based line and column of the start tag that first nests deeper than <see cref="MaxDepth"/>;
    /// null when the page stays within it.</summary>
    public static (int Line, int Column)? FirstTooDeep(string html, int maxDepth = MaxDepth)
    {
        var open = new List<string>();
        var foreign = 0; // how many of the open elements are svg or math
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var next = html[lt + 1];
            if (next is '!' or '?')
            {
                var end = html.IndexOf('>', lt + 2);
                i = end < 0 ? html.Length : end + 1;
                continue;
            }

            var closing = next == '/';
            var nameStart = lt + (closing ? 2 : 1);
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1;
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && html[nameEnd] is not (' ' or '\t' or '\n' or '\f' or '\r' or '/' or '>'))
            {
                nameEnd++;
            }

            var name = html[nameStart..nameEnd].ToLowerInvariant();
            var (tagEnd, selfClosing) = EndOfTag(html, nameEnd);
            i = tagEnd;
            if (closing)
            {
                var at = open.LastIndexOf(name);
                if (at >= 0)
                {
                    foreign -= open.Skip(at).Count(IsForeignRoot);
                    open.RemoveRange(at, open.Count - at);
                }

                continue;
            }

            if (foreign > 0 && ForeignBreakout.Contains(name))
            {
                var first = open.FindIndex(IsForeignRoot);
                open.RemoveRange(first, open.Count - first);
                foreign = 0;
            }

            if (Void.Contains(name) || (selfClosing && foreign > 0))
            {
                continue;
            }

            if (RawText.Contains(name))
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
                continue;
            }

            if (ClosedBySibling.TryGetValue(name, out var scope) && OpenSibling(open, name, scope) is var sibling and >= 0)
            {
                open.RemoveRange(sibling, open.Count - sibling);
            }

            open.Add(name);
            foreign += IsForeignRoot(name) ? 1 : 0;
            if (open.Count > maxDepth)
            {
                return Position(html, lt);
            }
        }

        return null;
    }

    /// <summary>The index of the open <paramref name="name"/> a new one closes, or -1 when a scope element lies between.</summary>
    private static int OpenSibling(List<string> open, string name, HashSet<string> scope)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            if (open[i] == name)
            {
                return i;
            }

            if (scope.Contains(open[i]))
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsForeignRoot(string name) => name is "svg" or "math";

    /// <summary>Where the tag that started before <paramref name="from"/> ends, skipping quoted attribute values;
    /// and whether it ends with "/&gt;".</summary>
    private static (int End, bool SelfClosing) EndOfTag(string html, int from)
    {
        var quote = '\0';
        for (var i = from; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'' && IsAfterEquals(html, i))
            {
                quote = c;
            }
            else if (c == '>')
            {
                return (i + 1, i > from && html[i - 1] == '/');
            }
        }

        return (html.Length, false);
    }

    private static bool IsAfterEquals(string html, int i)
    {
        var j = i - 1;
        while (j >= 0 && html[j] is ' ' or '\t' or '\n' or '\r' or '\f')
        {
            j--;
        }

        return j >= 0 && html[j] == '=';
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }
}
