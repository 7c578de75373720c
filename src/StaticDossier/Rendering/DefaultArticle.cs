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
    public static bool TryWrite(ScriptObject model, Utf8Output output)
    {
        if (Read(model) is not { } v)
        {
            return false;
        }

        var start = output.Length;
        var a = v.Article;
        var root = v.Root;
        var o = new DefaultLayout.Writer(output);
        o.Raw("<article class=\"article\" aria-labelledby=\"article-title\">\n  <header class=\"article-header\">\n    <h1 id=\"article-title\" lang=\""u8).Id("article-title")
            .Text(a.Language).Raw("\">"u8).Text(a.Title).Raw("</h1>\n    <p class=\"article-meta\">"u8);
        if (a.Byline is { } byline)
        {
            o.Raw("<span class=\"byline\">"u8).Text(v.Text.Format("article_by", byline)).Raw("</span> · "u8);
        }

        if (a.Date is { } date)
        {
            o.Raw("<time datetime=\""u8).Text(date).Raw("\">"u8).Text(a.DateDisplay).Raw("</time>"u8);
        }
        else if (a.DateApprox is not null)
        {
            o.Raw("<span class=\"approx\">"u8).Text(a.DateApproxDisplay).Raw(" <span class=\"approx-note\">"u8).Text(v.T("date_approx_note")).Raw("</span></span>"u8);
        }
        else
        {
            o.Raw("<span class=\"undated\">"u8).Text(v.T("article_undated")).Raw("</span>"u8);
        }

        if (a.SourceLink is { } source)
        {
            o.Link(" · <a href=\""u8, root, source.Url).Raw("\">"u8).Text(source.Name).Raw("</a>"u8);
        }

        o.Link(" · <a href=\""u8, root, a.LanguageLink!.Url).Raw("\">"u8).Text(a.LanguageName).Raw("</a> · "u8).Text(a.ReadingTime)
            .Raw("</p>\n  </header>\n  <div class=\"body\" lang=\""u8).Text(a.Language).Raw("\">\n"u8);
        o.Unscanned(a.Body.Bytes); // as EscapingTemplateContext writes a Utf8Html: unescaped, here without decoding it
        o.Raw("\n  </div>\n"u8);
        if (a.People.Count > 0 || a.Tags.Count > 0)
        {
            o.Raw("  <footer class=\"subjects\" aria-label=\""u8).Text(v.T("article_subjects_label")).Raw("\">\n    <dl>\n      "u8);
            Subjects(o, v, "article_people", a.People);
            o.Raw("\n      "u8);
            Subjects(o, v, "article_tags", a.Tags);
            o.Raw("\n    </dl>\n  </footer>\n"u8);
        }

        o.Raw("</article>\n"u8);
        Provenance(o, v);
        o.Raw("<section class=\"cite\" aria-labelledby=\"cite-heading\">\n  <h2 id=\"cite-heading\">"u8).Id("cite-heading").Text(v.T("cite_heading"))
            .Raw("</h2>\n  <p class=\"citation\">"u8).Text(a.Citation).Raw("</p>\n</section>\n"u8);
        if (a.Related.Count > 0)
        {
            o.Raw("<section class=\"related\" aria-labelledby=\"related-heading\">\n  <h2 id=\"related-heading\">"u8).Id("related-heading").Text(v.T("related_heading"))
                .Raw("</h2>\n  <ul class=\"article-list\">\n"u8);
            foreach (var r in a.Related)
            {
                if (r is null)
                {
                    o.Fail();
                    continue;
                }

                o.Link("    <li class=\"item\"><a class=\"item-title\" href=\""u8, root, r.Url).Raw("\" lang=\""u8).Text(r.Language)
                    .Raw("\" hreflang=\""u8).Text(r.Language).Raw("\">"u8).Text(r.Title).Raw("</a><p class=\"item-meta\">"u8);
                if (r.DateDisplay is not null)
                {
                    o.Raw("<time datetime=\""u8).Text(r.Date).Raw("\">"u8).Text(r.DateDisplay).Raw("</time> · "u8);
                }
                else if (r.DateApprox is not null)
                {
                    o.Raw("<span class=\"approx\" title=\""u8).Text(v.T("date_approx_title")).Raw("\">"u8).Text(r.DateApproxDisplay).Raw("</span> · "u8);
                }

                if (r.Source is not null)
                {
                    o.Raw("<span class=\"source\">"u8).Text(r.Source).Raw("</span> · "u8);
                }

                o.Text(r.ReadingTime).Raw(" · <span class=\"reason\">"u8).Text(r.Reason).Raw("</span></p>"u8);
                if (r.Summary != string.Empty)
                {
                    o.Raw("<p class=\"item-summary\" lang=\""u8).Text(r.Language).Raw("\">"u8).Text(r.Summary).Raw("</p>"u8);
                }

                o.Raw("</li>\n"u8);
            }

            o.Raw("  </ul>\n</section>\n"u8);
        }

        if (a.Earlier is not null || a.Later is not null)
        {
            o.Raw("<nav class=\"pager\" aria-label=\""u8).Text(v.T("neighbours_label")).Raw("\">\n  <ul>\n    "u8);
            if (a.Earlier is { } earlier)
            {
                o.Link("<li class=\"earlier\"><a href=\""u8, root, earlier.Url).Raw("\" rel=\"prev\"><span class=\"label\">"u8).Text(v.T("neighbours_earlier"))
                    .Raw("</span> <span lang=\""u8).Text(earlier.Language).Raw("\">"u8).Text(earlier.Title).Raw("</span></a></li>"u8);
            }

            o.Raw("\n    "u8);
            if (a.Later is { } later)
            {
                o.Link("<li class=\"later\"><a href=\""u8, root, later.Url).Raw("\" rel=\"next\"><span class=\"label\">"u8).Text(v.T("neighbours_later"))
                    .Raw("</span> <span lang=\""u8).Text(later.Language).Raw("\">"u8).Text(later.Title).Raw("</span></a></li>"u8);
            }

            o.Raw("\n  </ul>\n</nav>\n"u8);
        }

        o.Link("<p><a href=\""u8, root, SitePaths.Home).Raw("\">"u8).Text(v.T("back_to_timeline")).Raw("</a></p>\n"u8);
        if (!o.Plain || o.OverLimit)
        {
            output.Truncate(start); // Scriban stops a page over its limit with an error naming it: let it
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

        o.Raw("<div><dt>"u8).Text(v.T(heading)).Raw("</dt><dd><ul class=\"inline\">"u8);
        foreach (var link in links)
        {
            if (link is null)
            {
                o.Fail();
                continue;
            }

            o.Link("<li><a href=\""u8, v.Root, link.Url).Raw("\">"u8).Text(link.Name).Raw("</a></li>"u8);
        }

        o.Raw("</ul></dd></div>"u8);
    }

    private static void Provenance(DefaultLayout.Writer o, Values v)
    {
        var a = v.Article;
        var meta = a.Page.Meta;
        if (a.SeedUrl is null && a.SourceUrl is null && a.RetrievedAt is null && meta.ArchiveRecord is null && a.SeedSha256 is null)
        {
            return;
        }

        o.Raw("<aside class=\"provenance\" aria-labelledby=\"provenance-heading\">\n  <h2 id=\"provenance-heading\">"u8).Id("provenance-heading").Text(v.T("provenance_heading"))
            .Raw("</h2>\n  <dl>\n"u8);
        if (a.SourceUrl is { } sourceUrl)
        {
            o.Raw("    <dt>"u8).Text(v.T("provenance_original")).Link("</dt><dd><a href=\""u8, null, sourceUrl).Raw("\" rel=\"nofollow noopener\">"u8).Text(sourceUrl).Raw("</a>"u8);
            if (a.ArchiveLookupUrl is { } lookup)
            {
                o.Link(" (<a href=\""u8, null, lookup).Raw("\" rel=\"nofollow noopener\">"u8).Text(v.T("provenance_archive_lookup")).Raw("</a>)"u8);
            }

            o.Raw("</dd>\n"u8);
        }

        if (a.RetrievedAt is { } retrieved)
        {
            o.Raw("    <dt>"u8).Text(v.T("provenance_captured")).Raw("</dt><dd><time datetime=\""u8).Text(retrieved.Value).Raw("\">"u8).Text(retrieved.Display).Raw("</time></dd>\n"u8);
        }

        if (meta.ArchiveRecord is { } record)
        {
            o.Raw("    <dt>"u8).Text(v.T("provenance_archive_record")).Raw("</dt><dd><code>"u8).Text(record).Raw("</code>"u8);
            if (meta.ArchiveFile is { } file)
            {
                o.Raw(" "u8).Text(v.T("provenance_archive_in")).Raw(" <code>"u8).Text(file).Raw("</code>"u8);
            }

            o.Raw("</dd>\n"u8);
        }

        if (a.SeedUrl is { } seedUrl)
        {
            o.Raw("    <dt>"u8).Text(v.T("provenance_seed")).Link("</dt><dd><a href=\""u8, v.Root, seedUrl).Raw("\" type=\"text/plain\">"u8)
                .Text(v.T("provenance_seed_published")).Raw("</a>, <code>"u8).Text(a.Seed).Raw("</code> "u8).Text(v.T("provenance_seed_published_note")).Raw("</dd>\n"u8);
        }
        else if (a.Seed is { } seed)
        {
            o.Raw("    <dt>"u8).Text(v.T("provenance_seed")).Raw("</dt><dd><code>"u8).Text(seed).Raw("</code> "u8).Text(v.T("provenance_seed_not_published")).Raw("</dd>\n"u8);
        }

        if (a.SeedSha256 is { } sha)
        {
            o.Raw("    <dt>"u8).Text(v.T("provenance_sha256")).Raw("</dt><dd><code class=\"hash\">"u8).Text(sha).Raw("</code>"u8);
            if (a.SeedUrl is not null)
            {
                o.Raw("<br><span class=\"note\">"u8).Text(v.T("provenance_sha256_check")).Raw(" <code>sha256sum "u8).Text(a.SeedFileName).Raw("</code> "u8)
                    .Text(v.T("provenance_sha256_check_end")).Raw("</span>"u8);
            }

            o.Raw("</dd>\n"u8);
        }

        if (a.RemovedBlocks is { } removed)
        {
            o.Raw("    <dt>"u8).Text(v.T("provenance_removed")).Raw("</dt><dd>"u8).Text(v.Text.Count("provenance_removed_blocks", removed)).Raw("</dd>\n"u8);
        }

        o.Raw("  </dl>\n</aside>\n"u8);
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
