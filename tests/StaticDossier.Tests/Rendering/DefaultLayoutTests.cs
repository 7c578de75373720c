using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

/// <summary>The shipped layout, article and term templates and list item are written by <see cref="DefaultLayout"/>,
/// <see cref="DefaultArticle"/>, <see cref="DefaultTerm"/>, <see cref="DefaultArchive"/> and <see cref="DefaultItem"/>, not interpreted: every page must come out as Scriban writes it. Each site is built twice, once with the shipped
/// templates and once with templates that differ only in spaces inside their tags (which Scriban ignores, and which
/// turn the written ones off), and compared file by file.</summary>
public sealed class DefaultLayoutTests
{
    [Fact]
    public void TheShippedTemplatesAreWrittenInCodeAndEditedOnesAreNot()
    {
        var shipped = new TemplateRenderer(RepoPaths.Templates, "templates");
        Assert.True(shipped.LayoutInCode);
        Assert.True(shipped.ArticleInCode);
        Assert.True(shipped.ItemInCode);
        Assert.True(shipped.TermInCode);
        Assert.True(shipped.ArchiveInCode);
        using var dossier = new TempDossier(withSeeds: false);
        Edit(dossier);
        var edited = new TemplateRenderer(dossier.PathOf("templates"), "templates");
        Assert.False(edited.LayoutInCode);
        Assert.False(edited.ArticleInCode);
        Assert.False(edited.ItemInCode);
        Assert.False(edited.TermInCode);
        Assert.False(edited.ArchiveInCode);
    }

    public static TheoryData<string, string> Sites() => new()
    {
        { "en", "Test curators" },
        { "vi", "Nhóm <biên> & \"tập\"" },
        { "en", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Sites))]
    public void EveryPageComesOutAsScribanWritesIt(string language, string author)
    {
        using var shipped = Dossier(language, author);
        using var edited = Dossier(language, author);
        Edit(edited);
        var before = InCode();
        Build(shipped);
        var after = InCode();
        // The gates fall back to Scriban without a trace: the shipped site's pages of each kind must have taken the C# path.
        Assert.All(before.Zip(after), counts => Assert.True(counts.Second > counts.First, "a shipped template's pages all went to Scriban"));
        Build(edited);

        var files = Files(shipped.Site);
        Assert.Equal(files, Files(edited.Site));
        Assert.Contains("people/many-o-tags.html", files); // a term with more than a page of articles: pagers, page titles
        Assert.Contains("people/many-o-tags/page/2.html", files); // the last page of a term: a pager with no next page
        Assert.Contains("<p class=\"role\">", File.ReadAllText(Path.Combine(shipped.Site, "people/many-o-tags.html")), StringComparison.Ordinal);
        Assert.Contains("<p class=\"home-page\">", File.ReadAllText(Path.Combine(shipped.Site, "sources/news-co.html")), StringComparison.Ordinal);
        Assert.Contains("<nav class=\"list-pager\"", File.ReadAllText(Path.Combine(shipped.Site, "archive/undated.html")), StringComparison.Ordinal);
        Assert.Contains("archive/undated/page/2.html", files); // more than a page of undated articles: an archive pager
        var year = File.ReadAllText(Path.Combine(shipped.Site, "archive/2021.html"));
        Assert.Contains("<h2 id=\"month-2021-04\">", year, StringComparison.Ordinal); // a year of few articles, by month on one page
        Assert.Contains("<p class=\"note\">", year, StringComparison.Ordinal); // with one placed by an inferred period
        Assert.Contains("<ul class=\"term-list\">", File.ReadAllText(Path.Combine(shipped.Site, "archive/2022.html")), StringComparison.Ordinal);
        Assert.Contains("404.html", files); // standalone, with an absolute root
        Assert.Contains("search.html", files); // page scripts, no search form
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(shipped.Site, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(edited.Site, file))),
                $"{file} differs");
        }
    }

    /// <summary>The same templates to Scriban, another text: spaces inside tags.</summary>
    private static void Edit(TempDossier dossier)
    {
        Respace(dossier, "templates/article.sbn", "{{ article.citation }}", "{{article.citation}}");
        Respace(dossier, "templates/partials/_article_item.sbn", "{{ a.title }}", "{{a.title}}");
        Respace(dossier, "templates/partials/_nav.sbn", "{{ t.nav_label }}", "{{t.nav_label}}");
        var head = dossier.PathOf("templates/partials/_head.sbn");
        File.WriteAllText(head, File.ReadAllText(head).Replace("{{ full_title }}", "{{  full_title  }}", StringComparison.Ordinal));
        Respace(dossier, "templates/term.sbn", "{{ term.role }}", "{{term.role}}");
        Respace(dossier, "templates/archive.sbn", "{{ archive.title }}", "{{archive.title}}");
        Respace(dossier, "templates/partials/_pager.sbn", "{{ t.page_next }}", "{{t.page_next}}");
    }

    // One tag of a template written with other spaces; the tag must be there, or the edit would change nothing.
    private static void Respace(TempDossier dossier, string template, string tag, string respaced)
    {
        var path = dossier.PathOf(template);
        var text = File.ReadAllText(path);
        Assert.Contains(tag, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(tag, respaced, StringComparison.Ordinal));
    }

    /// <summary>A site with every kind of page and value the templates write: escaped titles, an article with no date,
    /// one dated by its text, provenance, a person with 60 articles (two pages), text in Vietnamese, and line breaks in
    /// a summary and a byline (which Scriban indents where they are written on an indented line).</summary>
    internal static TempDossier Dossier(string language, string author)
    {
        var dossier = new TempDossier(withSeeds: false);
        dossier.Write("site.yml", $"""
            title: "Layout <test> & \"quotes\" 'too'"
            description: "A site for the layout's <tests>."
            base_url: "https://example.org/layout/"
            language: {language}
            author: "{author.Replace("\"", "\\\"", StringComparison.Ordinal)}"
            intro: "Articles on **Việt Nam**."
            people:
              - name: Many O'Tags
                aliases: ["M. O'Tags", "Nhiều <Thẻ>"]
                role: "Minister of <things> & more"
                description: "Speaks \"often\"."
            tags:
              - name: Diplomacy
                description: ""
            sources:
              - name: "News & Co"
                full_name: "The News & Company"
                home_page: "https://news.example.com/?a=1&b=2"
            """);
        for (var i = 0; i < 60; i++)
        {
            dossier.Write($"content/a{i:D2}.md", $"""
                ---
                title: "Article {i} <b>&amp; \"quoted\""
                {(i % 7 == 3 ? "date_approx: 2022-03" : i % 11 == 5 ? string.Empty : $"date: 2022-0{1 + (i % 9)}-1{i % 10}")}
                language: {(i % 3 == 0 ? "vi" : "en")}
                source: "News & Co{(i == 11 ? "\\n" : string.Empty)}"
                {(i == 13 ? "byline: \"Ends with a break\\n\"" : string.Empty)}
                {(i % 2 == 0 ? "byline: \"A. <Reporter>\"" : i == 9 ? "byline: \"Two\\nlines\"" : string.Empty)}
                {(i == 7 ? "summary: \"A summary\\n  on two lines\"" : string.Empty)}
                {(i % 5 == 0 ? $"url: https://news.example.com/a{i}?x=1&y=2\nseed: seeds/{i:D3}_a.txt\nseed_sha256: {new string('0', 64)}\nremoved_blocks: {i / 5}\nretrieved_at: 2026-12-06T01:02:03Z\narchive_file: a{i}.warc.gz\narchive_record: \"urn:uuid:{i}\"" : string.Empty)}
                people: [Many O'Tags]
                tags: [Diplomacy, "Q&A {i % 4}"]
                ---

                Ngoại trưởng {i} & Sergey Lavrov held a call about <this>.

                ## A heading {i}
                """);
        }

        // More than a page of undated articles (an archive page with a pager), and a year of three (its articles by month).
        for (var i = 0; i < 52; i++)
        {
            dossier.Write($"content/u{i:D2}.md", $"---\ntitle: \"Undated {i} & <more>\"\nlanguage: en\n---\n\nText {i}.\n");
        }

        for (var i = 0; i < 3; i++)
        {
            dossier.Write($"content/y{i}.md", $"---\ntitle: \"Year {i}\"\n{(i == 2 ? "date_approx: 2021-05" : $"date: 2021-0{4 + i}-0{1 + i}")}\nlanguage: vi\n---\n\nText.\n");
        }

        return dossier;
    }

    private static long[] InCode() =>
        [.. new[] { DefaultArticle.File, DefaultTerm.File, DefaultArchive.File }.Select(name => TemplateRenderer.PagesInCode.GetValueOrDefault(name))];

    private static void Build(TempDossier dossier)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(dossier.SiteYml, diagnostics);
        Assert.NotNull(config);
        Assert.True(new SiteBuilder(config).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
    }

    private static List<string> Files(string site) => [.. Directory.GetFiles(site, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(site, f).Replace('\\', '/'))
        .Order(StringComparer.Ordinal)];
}
