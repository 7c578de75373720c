using System.Text;
using Scriban.Runtime;
using StaticDossier.Analysis;
using StaticDossier.Rendering.Interface;
using StaticDossier.Rendering.Pages;

namespace StaticDossier.Rendering;

/// <summary>The shipped layout (<c>base.sbn</c> with <c>partials/_head.sbn</c> and <c>partials/_nav.sbn</c>) written
/// by C# instead of Scriban's interpreter, with the same characters: every page of a site wears it, and interpreting
/// its ~90 lookups, loops and tests cost a third of a page's template time. Used only while those three files are
/// exactly the shipped ones (<see cref="Matches"/>) and the page's model holds the values the layout reads, of the
/// types the generator gives them; any other case (an edited layout, a page template that set <c>page_title</c> to a
/// number, a missing interface text, a model from elsewhere) takes Scriban as before. <c>LayoutTests</c> hold both
/// ways to the same bytes.</summary>
internal static class DefaultLayout
{
    /// <summary>The files this writes, as the repository ships them (embedded from <c>templates/</c>).</summary>
    internal static readonly string[] Files = ["base.sbn", "partials/_head.sbn", "partials/_nav.sbn"];

    /// <summary>Whether the layout files in <paramref name="templatesDir"/> are the shipped ones, character for character.</summary>
    public static bool Matches(string templatesDir) => Same(templatesDir, Files);

    /// <summary>Whether <paramref name="files"/> in <paramref name="templatesDir"/> are the shipped ones, character for character.</summary>
    internal static bool Same(string templatesDir, IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(templatesDir, file);
            if (!File.Exists(path) || TemplateFolderLoader.OutsideReason(path, templatesDir, "templates") is not null
                || File.ReadAllText(path) != Shipped(file))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A shipped template's text.</summary>
    internal static string Shipped(string file)
    {
        using var stream = typeof(DefaultLayout).Assembly.GetManifestResourceStream("StaticDossier.templates." + file.Replace('/', '.'))
            ?? throw new InvalidOperationException($"The shipped {file} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Writes the page <paramref name="content"/> in the layout to <paramref name="output"/>, as Scriban would
    /// with <paramref name="model"/>; false, with nothing written, when the model is not one this can write.</summary>
    public static bool TryWrite(ScriptObject model, StringBuilder content, Utf8Output output) => TryWrite(model, content, null, output);

    /// <summary>As <see cref="TryWrite(ScriptObject, StringBuilder, Utf8Output)"/>, for content written as UTF-8 (by
    /// <see cref="DefaultArticle"/> or <see cref="DefaultTerm"/>), copied in as it is.</summary>
    public static bool TryWrite(ScriptObject model, Utf8Output content, Utf8Output output) => TryWrite(model, null, content, output);

    private static bool TryWrite(ScriptObject model, StringBuilder? chars, Utf8Output? bytes, Utf8Output output)
    {
        if (Values.Read(model) is not { } v)
        {
            return false;
        }

        var start = output.Length;
        var o = new Writer(output);
        o.Raw("<!DOCTYPE html>\n<html lang=\""u8).Text(v.Site.Language).Raw("\">\n<head>\n"u8);
        Head(o, v);
        o.Raw("\n</head>\n<body>\n"u8).Link("<a class=\"skip-link\" href=\""u8, null, "#main").Raw("\">"u8).Text(v.T("skip_to_content")).Raw("</a>\n<header class=\"site-header\">\n"u8);
        var home = v.NavCurrent == "home" && v.OutputPath == SitePaths.Home;
        o.Link(home ? "  <h1 class=\"site-title\"><a href=\""u8 : "  <p class=\"site-title\"><a href=\""u8, v.Root, SitePaths.Home)
            .Raw(home ? "\" aria-current=\"page\">"u8 : "\">"u8).Text(v.Site.Title).Raw(home ? "</a></h1>\n"u8 : "</a></p>\n"u8);
        Nav(o, v);
        o.Raw("\n"u8);
        if (v.NavCurrent != "search" && v.Standalone is null)
        {
            o.Raw("\n  <form class=\"site-search\" role=\"search\" action=\""u8).Text(v.Root).Text(SitePaths.Search).Raw("\" method=\"get\">\n"u8)
                .Raw("    <label class=\"visually-hidden\" for=\"site-search-q\">"u8).Text(v.T("site_search_label")).Raw("</label>\n"u8)
                .Raw("    <input id=\"site-search-q\" type=\"search\" name=\"q\" autocomplete=\"off\">\n"u8).Id("site-search-q")
                .Raw("    <button type=\"submit\">"u8).Text(v.T("site_search_button")).Raw("</button>\n  </form>\n"u8);
        }

        o.Raw("\n</header>\n<main id=\"main\" tabindex=\"-1\">\n"u8).Id("main");
        if (bytes is not null)
        {
            o.Content(bytes);
        }
        else
        {
            output.Links.MarkUnknown(); // Scriban wrote it
            foreach (var chunk in chars!.GetChunks())
            {
                output.Append(chunk.Span);
            }
        }

        o.Raw("\n</main>\n<footer class=\"site-footer\">\n  <p class=\"data\">"u8).Text(v.T("footer_data"))
            .Link("\n    <a href=\""u8, v.Root, SitePaths.Feed).Raw("\">"u8).Text(v.T("footer_feed")).Raw("</a> ·"u8)
            .Link("\n    <a href=\""u8, v.Root, SitePaths.MetadataJson).Raw("\">"u8).Text(v.T("footer_json")).Raw("</a> ·"u8)
            .Link("\n    <a href=\""u8, v.Root, SitePaths.MetadataCsv).Raw("\">"u8).Text(v.T("footer_csv")).Raw("</a> ·"u8)
            .Link("\n    <a href=\""u8, v.Root, SitePaths.Sitemap).Raw("\">"u8).Text(v.T("footer_sitemap")).Raw("</a>\n  </p>\n  <p>"u8);
        if (v.Site.Author != string.Empty)
        {
            o.Text(v.Text.Format("footer_curated_by", v.Site.Title, v.Site.Author));
        }
        else
        {
            o.Text(v.Site.Title).Raw("."u8);
        }

        o.Raw(" "u8).Text(v.T("footer_built_with")).Raw("</p>\n</footer>\n"u8);
        foreach (var script in v.Scripts)
        {
            o.Link("<script src=\""u8, v.Root, script).Raw("\"></script>\n"u8);
        }

        o.Raw("</body>\n</html>\n"u8);
        if (!o.Plain || o.OverLimit)
        {
            output.Truncate(start); // Scriban stops a page over its limit with an error naming it: let it
            return false;
        }

        return true;
    }

    private static void Head(Writer o, Values v)
    {
        o.Raw("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"u8)
            .Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self'; style-src 'self'"u8);
        if (v.Standalone is { } standalone)
        {
            o.Raw(" '"u8).Text(standalone.StyleHash).Raw("'"u8);
        }

        o.Raw("; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'\">\n<title>"u8);
        if (v.PageTitle is { } title)
        {
            o.Text(title);
            if (v.Pager is { } pager)
            {
                o.Text(" (").Text(v.Text.Format("page_title_suffix", pager.Number, pager.Count)).Text(")");
            }

            o.Text(" · ");
        }

        var shownTitle = v.PageTitle ?? v.Site.Title;
        o.Text(v.Site.Title).Raw("</title>\n<meta name=\"description\" content=\""u8).Text(v.Description)
            .Raw("\">\n<meta name=\"theme-color\" content=\"#fdfdfb\" media=\"(prefers-color-scheme: light)\">"u8)
            .Raw("\n<meta name=\"theme-color\" content=\"#161616\" media=\"(prefers-color-scheme: dark)\">"u8)
            .Raw("\n<meta property=\"og:type\" content=\""u8).Text(v.OgType)
            .Raw("\">\n<meta property=\"og:title\" content=\""u8).Text(shownTitle)
            .Raw("\">\n<meta property=\"og:description\" content=\""u8).Text(v.Description)
            .Raw("\">\n<meta property=\"og:site_name\" content=\""u8).Text(v.Site.Title)
            .Raw("\">\n<meta property=\"og:locale\" content=\""u8).Text(v.Site.Locale).Raw("\">\n"u8);
        if (v.Canonical is { } canonical)
        {
            o.Raw("<meta property=\"og:url\" content=\""u8).Text(canonical).Link("\">\n<link rel=\"canonical\" href=\""u8, null, canonical).Raw("\">\n"u8);
        }

        if (v.PublishedTime is { } published)
        {
            o.Raw("<meta property=\"article:published_time\" content=\""u8).Text(published).Raw("\">\n"u8);
        }

        o.Raw("<meta name=\"twitter:card\" content=\"summary\">\n<meta name=\"twitter:title\" content=\""u8).Text(shownTitle)
            .Raw("\">\n<meta name=\"twitter:description\" content=\""u8).Text(v.Description).Raw("\">\n"u8);
        if (v.Pager?.PrevUrl is { } prev)
        {
            o.Link("<link rel=\"prev\" href=\""u8, v.Root, prev).Raw("\">\n"u8);
        }

        if (v.Pager?.NextUrl is { } next)
        {
            o.Link("<link rel=\"next\" href=\""u8, v.Root, next).Raw("\">\n"u8);
        }

        if (v.Standalone is { } style)
        {
            o.Raw("<style>"u8).RawText(style.Style.Value).Raw("</style>\n"u8);
        }
        else
        {
            o.Link("<link rel=\"icon\" href=\""u8, v.Root, SitePaths.Favicon).Raw("\" type=\"image/svg+xml\">\n"u8)
                .Link("<link rel=\"stylesheet\" href=\""u8, v.Root, SitePaths.Stylesheet).Raw("\">\n"u8);
        }

        o.Tag("<link rel=\"alternate\" type=\"application/atom+xml\" title=\""u8, out var feedTag).Text(v.Site.Title)
            .Link(" (Atom)\" href=\""u8, v.Root, SitePaths.Feed, feedTag).Raw("\">\n"u8);
        if (v.DublinCore.Count > 0)
        {
            o.Link("<link rel=\"schema.DC\" href=\""u8, null, "http://purl.org/dc/elements/1.1/").Raw("\">\n"u8);
            foreach (var meta in v.DublinCore)
            {
                if (meta is null)
                {
                    o.Fail();
                    continue;
                }

                o.Raw("<meta name=\""u8).Text(meta.Name).Raw("\" content=\""u8).Text(meta.Content).Raw("\">\n"u8);
            }
        }

        if (v.JsonLd is { } jsonLd)
        {
            o.Raw("<script type=\"application/ld+json\">"u8).RawText(jsonLd.Bytes).Raw("</script>\n"u8);
        }
    }

    private static void Nav(Writer o, Values v)
    {
        o.Raw("<nav class=\"site-nav\" aria-label=\""u8).Text(v.T("nav_label")).Link("\">\n  <ul>\n    <li><a href=\""u8, v.Root, SitePaths.Home)
            .Raw(v.NavCurrent == "home" ? "\" aria-current=\"page\">"u8 : "\">"u8).Text(v.T("nav_home")).Raw("</a></li>\n"u8);
        foreach (var tax in v.Taxonomies)
        {
            if (tax is null)
            {
                o.Fail();
                continue;
            }

            o.Link("    <li><a href=\""u8, v.Root, tax.Url).Raw(v.NavCurrent == tax.Key ? "\" aria-current=\"page\">"u8 : "\">"u8)
                .Text(tax.Title).Raw("</a></li>\n"u8);
        }

        o.Link("    <li><a href=\""u8, v.Root, SitePaths.Search).Raw(v.NavCurrent == "search" ? "\" aria-current=\"page\">"u8 : "\">"u8)
            .Text(v.T("nav_search")).Raw("</a></li>\n  </ul>\n</nav>\n"u8);
    }

    /// <summary>Kept well under Scriban's limit on a value's length (a title and a page number make one more).</summary>
    private const int MaxText = 1 << 20;

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("&<>\"'\n");

    /// <summary>Appends text HTML-escaped as <see cref="EscapingTemplateContext.Escape"/> escapes it, as UTF-8, without a string between,
    /// and notes a value this cannot write as Scriban does: Scriban indents what follows a line break in a value written
    /// on an indented line (where some of these are), and stops at a value of 8 Mi characters. A page with such a value
    /// takes Scriban's way; no value the generator makes has a line break.</summary>
    internal sealed class Writer(Utf8Output output)
    {
        /// <summary>False once a value was written that Scriban might have written otherwise.</summary>
        public bool Plain { get; private set; } = true;

        /// <summary>Whether the output holds more characters than Scriban lets a template write (counted only when its
        /// bytes are more: a character is at least one byte).</summary>
        public bool OverLimit => output.Length > EscapingTemplateContext.MaxOutputLength && output.CharCount > EscapingTemplateContext.MaxOutputLength;

        /// <summary>Marks the page as one to leave to Scriban (a value of a kind this does not write).</summary>
        public void Fail() => Plain = false;

        /// <summary>Writes HTML that is UTF-8 already: the templates' own text, a body, an item.</summary>
        public Writer Raw(ReadOnlySpan<byte> html)
        {
            output.Append(html);
            return this;
        }

        /// <summary>Writes <paramref name="open"/>, which ends in an attribute's opening quote within the last tag it starts,
        /// then <paramref name="root"/> and <paramref name="path"/> escaped as the value, and notes the link.</summary>
        public Writer Link(ReadOnlySpan<byte> open, string? root, string path)
        {
            output.Append(open);
            output.Links.Link(root, path, output.Length - open.Length + open.LastIndexOf((byte)'<'));
            return Text(root).Text(path);
        }

        /// <summary>As <see cref="Link(ReadOnlySpan{byte}, string?, string)"/>, in the tag that starts at byte <paramref name="tag"/>
        /// (<see cref="Tag"/>).</summary>
        public Writer Link(ReadOnlySpan<byte> open, string? root, string path, int tag)
        {
            output.Append(open);
            output.Links.Link(root, path, tag);
            return Text(root).Text(path);
        }

        /// <summary>Writes <paramref name="open"/>; <paramref name="tag"/> is where the last tag it starts begins.</summary>
        public Writer Tag(ReadOnlySpan<byte> open, out int tag)
        {
            output.Append(open);
            tag = output.Length - open.Length + open.LastIndexOf((byte)'<');
            return this;
        }

        /// <summary>Notes the id <paramref name="id"/> of the tag being written (its text written apart).</summary>
        public Writer Id(string id)
        {
            output.Links.Id(id, output.Length);
            return this;
        }

        /// <summary>Writes generated HTML whose links were not noted (a body): staging scans it.</summary>
        public Writer Unscanned(ReadOnlySpan<byte> html)
        {
            output.Append(html);
            output.Links.Unscanned(output.Length - html.Length, html.Length);
            return this;
        }

        /// <summary>Writes a list item, with the links its writer noted (scanned when staged if none were).</summary>
        public Writer Item(Utf8Html item)
        {
            if (item.Links is not { } links)
            {
                return Unscanned(item.Bytes);
            }

            output.Append(item.Bytes);
            output.Links.Append(links, output.Length - item.Bytes.Length);
            return this;
        }

        /// <summary>Writes a page's content written by the C# writers, with the links they noted.</summary>
        public Writer Content(Utf8Output content)
        {
            output.Append(content.Written);
            output.Links.Append(content.Links, output.Length - content.Length);
            return this;
        }

        /// <summary>Writes the text of a script or style element: no tag inside, unless it holds a '&lt;' (that one might
        /// end the element early, so the page is scanned whole).</summary>
        public Writer RawText(ReadOnlySpan<byte> text)
        {
            if (text.Contains((byte)'<'))
            {
                output.Links.MarkUnknown();
            }

            output.Append(text);
            return this;
        }

        /// <inheritdoc cref="RawText(ReadOnlySpan{byte})"/>
        public Writer RawText(string text)
        {
            if (text.Contains('<', StringComparison.Ordinal))
            {
                output.Links.MarkUnknown();
            }

            output.Append(text);
            return this;
        }

        public Writer Text(string? text)
        {
            if (text is null)
            {
                return this;
            }

            if (text.Length > MaxText)
            {
                Plain = false;
            }

            var rest = text.AsSpan();
            while (rest.IndexOfAny(Special) is var at and >= 0)
            {
                output.Append(rest[..at]);
                switch (rest[at])
                {
                    case '&': output.Append("&amp;"u8); break;
                    case '<': output.Append("&lt;"u8); break;
                    case '>': output.Append("&gt;"u8); break;
                    case '"': output.Append("&quot;"u8); break;
                    case '\'': output.Append("&#39;"u8); break;
                    default:
                        output.Append("\n"u8);
                        Plain = false;
                        break;
                }

                rest = rest[(at + 1)..];
            }

            output.Append(rest);
            return this;
        }
    }

    /// <summary>What the layout reads from a page's model, when every value is of a kind this writes as Scriban does.</summary>
    private sealed class Values
    {
        public required SiteView Site { get; init; }

        public required InterfaceStrings Strings { get; init; }

        public InterfaceText Text => Strings.Text;

        public required string Root { get; init; }

        public string? OutputPath { get; init; }

        public string? NavCurrent { get; init; }

        public Standalone? Standalone { get; init; }

        public required IReadOnlyList<string> Scripts { get; init; }

        public string? PageTitle { get; init; }

        public Pager? Pager { get; init; }

        public string? Description { get; init; }

        public string? OgType { get; init; }

        public string? Canonical { get; init; }

        public string? PublishedTime { get; init; }

        public required IReadOnlyList<MetaTag> DublinCore { get; init; }

        public Utf8Html? JsonLd { get; init; }

        public required IReadOnlyList<Taxonomy> Taxonomies { get; init; }

        public string T(string key) => Text.Strings[key];

        // Names whose presence in a model would change what Scriban reads or writes for the layout: a page template's
        // own `include` or `tr` would shadow the built-in, a `full_title` of its own could be read-only, `content` is the layout's.
        private static readonly string[] Shadowing = ["include", "full_title", "content", "meta", "tax", "script"];

        // The interface texts the layout writes or formats: a translation lacking one takes Scriban's error.
        private static readonly string[] Keys =
        [
            "skip_to_content", "site_search_label", "site_search_button", "footer_data", "footer_feed", "footer_json", "footer_csv",
            "footer_sitemap", "footer_curated_by", "footer_built_with", "nav_label", "nav_home", "nav_search", "page_title_suffix",
        ];

        /// <summary>Kept well under Scriban's loop limit, so nothing here could have stopped it.</summary>
        private const int MaxItems = 10_000;

        public static Values? Read(ScriptObject model)
        {
            foreach (var name in Shadowing)
            {
                if (model.ContainsKey(name))
                {
                    return null;
                }
            }

            if (!Get(model, "site", out SiteView? site) || site is null || site.Title is null || site.Language is null || site.Author is null
                || site.Locale is null
                || !Get(model, "t", out InterfaceStrings? strings) || strings is null
                || !model.TryGetValue("paths", out var paths) || !ReferenceEquals(paths, SitePaths.ForTemplates)
                || !Get(model, "root", out string? root) || root is null
                || !Get(model, "output_path", out string? outputPath)
                || !Get(model, "nav_current", out string? navCurrent)
                || !Get(model, "standalone", out Standalone? standalone) || standalone is { Style: null } or { StyleHash: null }
                || !Get(model, "page_scripts", out string[]? scripts) || scripts is null || scripts.Length > MaxItems
                || !Get(model, "page_title", out string? pageTitle)
                || !Get(model, "pager", out Pager? pager)
                || !Get(model, "page_description", out string? description)
                || !Get(model, "og_type", out string? ogType)
                || !Get(model, "canonical", out string? canonical)
                || !Get(model, "dublin_core", out IReadOnlyList<MetaTag>? dublinCore) || dublinCore is null || dublinCore.Count > MaxItems
                || !Get(model, "json_ld", out Utf8Html? jsonLd)
                || !Get(model, "taxonomies", out IReadOnlyList<Taxonomy>? taxonomies) || taxonomies is null || taxonomies.Count > MaxItems
                || !model.TryGetValue("tr", out var format) || !ReferenceEquals(format, strings.Format))
            {
                return null;
            }

            if (!strings.Has(Keys))
            {
                return null;
            }

            string? published = null;
            if (ogType == "article")
            {
                if (!Get(model, "article", out ArticleView? article) || article is null)
                {
                    return null;
                }

                published = article.Date;
            }

            return new Values
            {
                Site = site, Strings = strings, Root = root, OutputPath = outputPath, NavCurrent = navCurrent, Standalone = standalone,
                Scripts = scripts, PageTitle = pageTitle, Pager = pager, Description = description, OgType = ogType, Canonical = canonical,
                PublishedTime = published, DublinCore = dublinCore, JsonLd = jsonLd, Taxonomies = taxonomies,
            };
        }

        /// <summary>The model's <paramref name="name"/> when it is there and null or a <typeparamref name="T"/>.</summary>
        private static bool Get<T>(ScriptObject model, string name, out T? value)
            where T : class
        {
            value = null;
            if (!model.TryGetValue(name, out var found))
            {
                return false;
            }

            if (found is null)
            {
                return true;
            }

            value = found as T;
            return value is not null;
        }
    }
}
