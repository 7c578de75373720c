using System.Text;
using Scriban.Runtime;
using StaticDossier.Rendering.Interface;

namespace StaticDossier.Rendering;

/// <summary>The shipped <c>article.sbn</c> written by C# instead of Scriban's interpreter, with the same characters: it
/// is rendered once per article, and interpreting its lookups, tests and loops (the related list above all) was two
/// thirds of an article page's template time. As <see cref="DefaultLayout"/>: used only while the file is exactly the
/// shipped one and the model holds an article and the values the template reads, of the generator's types, with no
/// value that could meet Scriban's limits or its indenting (a line break in a value written on an indented line);
/// anything else takes Scriban. <c>DefaultLayoutTests</c> hold both ways to the same bytes.</summary>
internal static class DefaultArticle
{
    /// <summary>The template this writes.</summary>
    public const string File = "article.sbn";

    /// <summary>Whether <c>article.sbn</c> in <paramref name="templatesDir"/> is the shipped one, character for character.</summary>
    public static bool Matches(string templatesDir) => DefaultLayout.Same(templatesDir, [File]);

    /// <summary>Writes the page's content to <paramref name="output"/> and sets <c>page_title</c> in <paramref name="model"/>,
    /// as Scriban would; false, with nothing written or set, when the model is not one this can write.</summary>
    public static bool TryWrite(ScriptObject model, StringBuilder output)
    {
        if (Read(model) is not { } v)
        {
            return false;
        }

        var start = output.Length;
        var a = v.Article;
        var root = v.Root;
        var o = new DefaultLayout.Writer(output);
        o.Raw("<article class=\"article\" aria-labelledby=\"article-title\">\n  <header class=\"article-header\">\n    <h1 id=\"article-title\" lang=\"")
            .Text(a.Language).Raw("\">").Text(a.Title).Raw("</h1>\n    <p class=\"article-meta\">");
        if (a.Byline is { } byline)
        {
            o.Raw("<span class=\"byline\">").Text(v.Text.Format("article_by", byline)).Raw("</span> · ");
        }

        if (a.Date is { } date)
        {
            o.Raw("<time datetime=\"").Text(date).Raw("\">").Text(a.DateDisplay).Raw("</time>");
        }
        else if (a.DateApprox is not null)
        {
            o.Raw("<span class=\"approx\">").Text(a.DateApproxDisplay).Raw(" <span class=\"approx-note\">").Text(v.T("date_approx_note")).Raw("</span></span>");
        }
        else
        {
            o.Raw("<span class=\"undated\">").Text(v.T("article_undated")).Raw("</span>");
        }

        if (a.SourceLink is { } source)
        {
            o.Raw(" · <a href=\"").Text(root).Text(source.Url).Raw("\">").Text(source.Name).Raw("</a>");
        }

        o.Raw(" · <a href=\"").Text(root).Text(a.LanguageLink!.Url).Raw("\">").Text(a.LanguageName).Raw("</a> · ").Text(a.ReadingTime)
            .Raw("</p>\n  </header>\n  <div class=\"body\" lang=\"").Text(a.Language).Raw("\">\n");
        Body(output, a.Body);
        o.Raw("\n  </div>\n");
        if (a.People.Count > 0 || a.Tags.Count > 0)
        {
            o.Raw("  <footer class=\"subjects\" aria-label=\"").Text(v.T("article_subjects_label")).Raw("\">\n    <dl>\n      ");
            Subjects(o, v, "article_people", a.People);
            o.Raw("\n      ");
            Subjects(o, v, "article_tags", a.Tags);
            o.Raw("\n    </dl>\n  </footer>\n");
        }

        o.Raw("</article>\n");
        Provenance(o, v);
        o.Raw("<section class=\"cite\" aria-labelledby=\"cite-heading\">\n  <h2 id=\"cite-heading\">").Text(v.T("cite_heading"))
            .Raw("</h2>\n  <p class=\"citation\">").Text(a.Citation).Raw("</p>\n</section>\n");
        if (a.Related.Count > 0)
        {
            o.Raw("<section class=\"related\" aria-labelledby=\"related-heading\">\n  <h2 id=\"related-heading\">").Text(v.T("related_heading"))
                .Raw("</h2>\n  <ul class=\"article-list\">\n");
            foreach (var r in a.Related)
            {
                if (r is null)
                {
                    o.Fail();
                    continue;
                }

                o.Raw("    <li class=\"item\"><a class=\"item-title\" href=\"").Text(root).Text(r.Url).Raw("\" lang=\"").Text(r.Language)
                    .Raw("\" hreflang=\"").Text(r.Language).Raw("\">").Text(r.Title).Raw("</a><p class=\"item-meta\">");
                if (r.DateDisplay is not null)
                {
                    o.Raw("<time datetime=\"").Text(r.Date).Raw("\">").Text(r.DateDisplay).Raw("</time> · ");
                }
                else if (r.DateApprox is not null)
                {
                    o.Raw("<span class=\"approx\" title=\"").Text(v.T("date_approx_title")).Raw("\">").Text(r.DateApproxDisplay).Raw("</span> · ");
                }

                if (r.Source is not null)
                {
                    o.Raw("<span class=\"source\">").Text(r.Source).Raw("</span> · ");
                }

                o.Text(r.ReadingTime).Raw(" · <span class=\"reason\">").Text(r.Reason).Raw("</span></p>");
                if (r.Summary != string.Empty)
                {
                    o.Raw("<p class=\"item-summary\" lang=\"").Text(r.Language).Raw("\">").Text(r.Summary).Raw("</p>");
                }

                o.Raw("</li>\n");
            }

            o.Raw("  </ul>\n</section>\n");
        }

        if (a.Earlier is not null || a.Later is not null)
        {
            o.Raw("<nav class=\"pager\" aria-label=\"").Text(v.T("neighbours_label")).Raw("\">\n  <ul>\n    ");
            if (a.Earlier is { } earlier)
            {
                o.Raw("<li class=\"earlier\"><a href=\"").Text(root).Text(earlier.Url).Raw("\" rel=\"prev\"><span class=\"label\">").Text(v.T("neighbours_earlier"))
                    .Raw("</span> <span lang=\"").Text(earlier.Language).Raw("\">").Text(earlier.Title).Raw("</span></a></li>");
            }

            o.Raw("\n    ");
            if (a.Later is { } later)
            {
                o.Raw("<li class=\"later\"><a href=\"").Text(root).Text(later.Url).Raw("\" rel=\"next\"><span class=\"label\">").Text(v.T("neighbours_later"))
                    .Raw("</span> <span lang=\"").Text(later.Language).Raw("\">").Text(later.Title).Raw("</span></a></li>");
            }

            o.Raw("\n  </ul>\n</nav>\n");
        }

        o.Raw("<p><a href=\"").Text(root).Text(SitePaths.Home).Raw("\">").Text(v.T("back_to_timeline")).Raw("</a></p>\n");
        if (!o.Plain || output.Length > EscapingTemplateContext.MaxOutputLength)
        {
            output.Length = start; // Scriban stops a page over its limit with an error naming it: let it
            return false;
        }

        model.SetValue("page_title", a.Title, false);
        return true;
    }

    private static void Subjects(DefaultLayout.Writer o, Values v, string heading, IReadOnlyList<TermLink> links)
    {
        if (links.Count == 0)
        {
            return;
        }

        o.Raw("<div><dt>").Text(v.T(heading)).Raw("</dt><dd><ul class=\"inline\">");
        foreach (var link in links)
        {
            if (link is null)
            {
                o.Fail();
                continue;
            }

            o.Raw("<li><a href=\"").Text(v.Root).Text(link.Url).Raw("\">").Text(link.Name).Raw("</a></li>");
        }

        o.Raw("</ul></dd></div>");
    }

    private static void Provenance(DefaultLayout.Writer o, Values v)
    {
        var a = v.Article;
        var meta = a.Page.Meta;
        if (a.SeedUrl is null && a.SourceUrl is null && a.RetrievedAt is null && meta.ArchiveRecord is null && a.SeedSha256 is null)
        {
            return;
        }

        o.Raw("<aside class=\"provenance\" aria-labelledby=\"provenance-heading\">\n  <h2 id=\"provenance-heading\">").Text(v.T("provenance_heading"))
            .Raw("</h2>\n  <dl>\n");
        if (a.SourceUrl is { } sourceUrl)
        {
            o.Raw("    <dt>").Text(v.T("provenance_original")).Raw("</dt><dd><a href=\"").Text(sourceUrl).Raw("\" rel=\"nofollow noopener\">").Text(sourceUrl).Raw("</a>");
            if (a.ArchiveLookupUrl is { } lookup)
            {
                o.Raw(" (<a href=\"").Text(lookup).Raw("\" rel=\"nofollow noopener\">").Text(v.T("provenance_archive_lookup")).Raw("</a>)");
            }

            o.Raw("</dd>\n");
        }

        if (a.RetrievedAt is { } retrieved)
        {
            o.Raw("    <dt>").Text(v.T("provenance_captured")).Raw("</dt><dd><time datetime=\"").Text(retrieved.Value).Raw("\">").Text(retrieved.Display).Raw("</time></dd>\n");
        }

        if (meta.ArchiveRecord is { } record)
        {
            o.Raw("    <dt>").Text(v.T("provenance_archive_record")).Raw("</dt><dd><code>").Text(record).Raw("</code>");
            if (meta.ArchiveFile is { } file)
            {
                o.Raw(" ").Text(v.T("provenance_archive_in")).Raw(" <code>").Text(file).Raw("</code>");
            }

            o.Raw("</dd>\n");
        }

        if (a.SeedUrl is { } seedUrl)
        {
            o.Raw("    <dt>").Text(v.T("provenance_seed")).Raw("</dt><dd><a href=\"").Text(v.Root).Text(seedUrl).Raw("\" type=\"text/plain\">")
                .Text(v.T("provenance_seed_published")).Raw("</a>, <code>").Text(a.Seed).Raw("</code> ").Text(v.T("provenance_seed_published_note")).Raw("</dd>\n");
        }
        else if (a.Seed is { } seed)
        {
            o.Raw("    <dt>").Text(v.T("provenance_seed")).Raw("</dt><dd><code>").Text(seed).Raw("</code> ").Text(v.T("provenance_seed_not_published")).Raw("</dd>\n");
        }

        if (a.SeedSha256 is { } sha)
        {
            o.Raw("    <dt>").Text(v.T("provenance_sha256")).Raw("</dt><dd><code class=\"hash\">").Text(sha).Raw("</code>");
            if (a.SeedUrl is not null)
            {
                o.Raw("<br><span class=\"note\">").Text(v.T("provenance_sha256_check")).Raw(" <code>sha256sum ").Text(a.SeedFileName).Raw("</code> ")
                    .Text(v.T("provenance_sha256_check_end")).Raw("</span>");
            }

            o.Raw("</dd>\n");
        }

        if (a.RemovedBlocks is { } removed)
        {
            o.Raw("    <dt>").Text(v.T("provenance_removed")).Raw("</dt><dd>").Text(v.Text.Count("provenance_removed_blocks", removed)).Raw("</dd>\n");
        }

        o.Raw("  </dl>\n</aside>\n");
    }

    /// <summary>The body's UTF-8 as characters, as <see cref="EscapingTemplateContext"/> writes a <see cref="Utf8Html"/>.</summary>
    private static void Body(StringBuilder output, Utf8Html body) => AppendUtf8(output, body.Bytes);

    /// <summary>Appends UTF-8 HTML as characters, decoded as <see cref="EscapingTemplateContext"/> decodes a <see cref="Utf8Html"/>.</summary>
    internal static void AppendUtf8(StringBuilder output, ReadOnlySpan<byte> bytes)
    {
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
        try
        {
            output.Append(chars, 0, Encoding.UTF8.GetChars(bytes, chars));
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
    }

    private sealed record Values(ArticleView Article, InterfaceStrings Strings, string Root)
    {
        public InterfaceText Text => Strings.Text;

        public string T(string key) => Text.Strings[key];
    }

    // The interface texts the template writes or formats: a translation lacking one takes Scriban's error.
    private static readonly string[] Keys =
    [
        "article_by", "date_approx_note", "article_undated", "article_subjects_label", "article_people", "article_tags", "provenance_heading",
        "provenance_original", "provenance_archive_lookup", "provenance_captured", "provenance_archive_record", "provenance_archive_in",
        "provenance_seed", "provenance_seed_published", "provenance_seed_published_note", "provenance_seed_not_published", "provenance_sha256",
        "provenance_sha256_check", "provenance_sha256_check_end", "provenance_removed", "provenance_removed_blocks_one",
        "provenance_removed_blocks_other", "number_group_separator", "cite_heading", "related_heading", "date_approx_title", "neighbours_label",
        "neighbours_earlier", "neighbours_later", "back_to_timeline",
    ];

    private const int MaxItems = 10_000;

    private static Values? Read(ScriptObject model)
    {
        if (!model.TryGetValue("article", out var found) || found is not ArticleView { Page.Meta: { } meta, LanguageLink: not null } a
            || !model.TryGetValue("t", out var t) || t is not InterfaceStrings strings
            || !model.TryGetValue("tr", out var tr) || !ReferenceEquals(tr, strings.Format)
            || !model.TryGetValue("plural", out var plural) || !ReferenceEquals(plural, strings.Plural)
            || !model.TryGetValue("root", out var r) || r is not string root
            || !model.TryGetValue("paths", out var paths) || !ReferenceEquals(paths, SitePaths.ForTemplates)
            || !model.TryGetValue("page_title", out _) || !model.CanWrite("page_title")
            || !strings.Has(Keys)
            || a.People is null || a.Tags is null || a.Related is null || a.Body is null
            || a.People.Count > MaxItems || a.Tags.Count > MaxItems || a.Related.Count > MaxItems)
        {
            return null;
        }

        return new Values(a, strings, root);
    }
}
