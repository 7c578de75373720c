using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

/// <summary>The shipped layout is written by <see cref="DefaultLayout"/>, not interpreted: every page must come out as
/// Scriban writes it. Each site is built twice, once with the shipped templates and once with a layout that differs
/// only in spaces inside its tags (which Scriban ignores, and which turns the written layout off), and compared file by file.</summary>
public sealed class DefaultLayoutTests
{
    [Fact]
    public void TheShippedLayoutIsWrittenInCodeAndAnEditedOneIsNot()
    {
        Assert.True(new TemplateRenderer(RepoPaths.Templates, "templates").LayoutInCode);
        using var dossier = new TempDossier(withSeeds: false);
        EditLayout(dossier);
        Assert.False(new TemplateRenderer(dossier.PathOf("templates"), "templates").LayoutInCode);
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
        EditLayout(edited);
        Build(shipped);
        Build(edited);

        var files = Files(shipped.Site);
        Assert.Equal(files, Files(edited.Site));
        Assert.Contains("people/many-o-tags.html", files); // a term with more than a page of articles: pagers, page titles
        Assert.Contains("404.html", files); // standalone, with an absolute root
        Assert.Contains("search.html", files); // page scripts, no search form
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(shipped.Site, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(edited.Site, file))),
                $"{file} differs");
        }
    }

    /// <summary>The same layout to Scriban, another text: spaces inside a tag and a comment.</summary>
    private static void EditLayout(TempDossier dossier)
    {
        var nav = dossier.PathOf("templates/partials/_nav.sbn");
        var text = File.ReadAllText(nav);
        Assert.Contains("{{ t.nav_label }}", text, StringComparison.Ordinal);
        File.WriteAllText(nav, text.Replace("{{ t.nav_label }}", "{{t.nav_label}}", StringComparison.Ordinal));
        var head = dossier.PathOf("templates/partials/_head.sbn");
        File.WriteAllText(head, File.ReadAllText(head).Replace("{{ full_title }}", "{{  full_title  }}", StringComparison.Ordinal));
    }

    /// <summary>A site with every kind of page and value the layout writes: escaped titles, an article with no date,
    /// one dated by its text, a person with 60 articles (two pages), text in Vietnamese.</summary>
    private static TempDossier Dossier(string language, string author)
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
            """);
        for (var i = 0; i < 60; i++)
        {
            dossier.Write($"content/a{i:D2}.md", $"""
                ---
                title: "Article {i} <b>&amp; \"quoted\""
                {(i % 7 == 3 ? "date_approx: 2022-03" : i % 11 == 5 ? string.Empty : $"date: 2022-0{1 + (i % 9)}-1{i % 10}")}
                language: {(i % 3 == 0 ? "vi" : "en")}
                source: "News & Co"
                {(i % 2 == 0 ? "byline: \"A. <Reporter>\"" : string.Empty)}
                people: [Many O'Tags]
                tags: [Diplomacy, "Q&A {i % 4}"]
                ---

                Ngoại trưởng {i} & Sergey Lavrov held a call about <this>.

                ## A heading {i}
                """);
        }

        return dossier;
    }

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
