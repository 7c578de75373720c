using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;
using StaticDossier.Rendering;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

/// <summary><c>include_cached</c> renders a partial once per distinct set of values and reuses the text: list pages must
/// come out as with a plain include, and no page's own variables may leak into text another page reuses.</summary>
public sealed class CachedIncludeTests
{
    private const string Item = "<li><a href=\"{{ root }}{{ a.url }}\">{{ a.title }}</a>{{ if a.source }} <span>{{ a.source }}</span>{{ end }}</li>";

    private static readonly ArticleLink[] Links =
    [
        new("Hà Nội & Moscow", "articles/one.html", "vi", "2022-03-01", "1 March 2022", "VnExpress", null),
        new("Second <report>", "articles/two.html", "en", null, null, null, null),
        new("Third", "articles/three.html", "en", "2023-01-02", "2 January 2023", "TASS", null),
    ];

    private const string List = "<ul>\n{{~ for a in list ~}}\n  {{ INCLUDE \"item.sbn\" a root }}\n{{~ end ~}}\n</ul>";

    [Fact]
    public void ListPagesComeOutAsWithAPlainIncludeAndEachItemRendersOncePerRoot()
    {
        using var dossier = Templates();
        var site = new Site(dossier);
        var pages = new[] { ("", Links), ("../", Links), ("../", Links.Reverse().ToArray()), ("../", Links[..1]) };
        foreach (var (root, list) in pages)
        {
            var plain = site.Render(List.Replace("INCLUDE", "include", StringComparison.Ordinal).Replace(" a root }}", " }}", StringComparison.Ordinal), root, list);
            var cached = site.Render(List.Replace("INCLUDE", "include_cached", StringComparison.Ordinal), root, list);
            Assert.Equal(plain, cached);
            Assert.Contains($"<a href=\"{root}articles/one.html\">Hà Nội &amp; Moscow</a>", cached, StringComparison.Ordinal);
            Assert.Equal(list.Length, cached.Split("<li>").Length - 1);
        }

        Assert.Contains("Second &lt;report&gt;", site.Render(List.Replace("INCLUDE", "include_cached", StringComparison.Ordinal), "../", Links), StringComparison.Ordinal);

        // Three articles at two depths.
        Assert.Equal(6, site.Cache.Renders);
    }

    /// <summary>An article or link is found again by the very object (the model passes one link per article to every
    /// list); an equal copy may render once more but must come out the same, and a changed one must not be reused.</summary>
    [Fact]
    public void TheSameLinkSharesOneRenderAndAChangedOneIsRenderedAgain()
    {
        using var dossier = Templates();
        var site = new Site(dossier);
        var page = List.Replace("INCLUDE", "include_cached", StringComparison.Ordinal);
        var once = site.Render(page, "../", [Links[0], Links[0], Links[0]]);
        Assert.Equal(1, site.Cache.Renders);
        Assert.Equal(3, once.Split("<li>").Length - 1);

        var copy = Links[0] with { };
        Assert.NotSame(Links[0], copy);
        Assert.Equal(site.Render(page, "../", [Links[0]]), site.Render(page, "../", [copy]));

        var before = site.Cache.Renders;
        var changed = site.Render(page, "../", [Links[0] with { Title = "Changed" }]);
        Assert.Equal(before + 1, site.Cache.Renders);
        Assert.Contains(">Changed</a>", changed, StringComparison.Ordinal);
    }

    [Fact]
    public void APartialSeesOnlyTheVariablesItIsGiven()
    {
        using var dossier = Templates();
        dossier.Write("templates/leaky.sbn", "<li>{{ a.title }}</li>\n{{ nav_current }}");
        var site = new Site(dossier);
        var error = Assert.ThrowsAny<ScriptRuntimeException>(() => site.Render("{{ include_cached \"leaky.sbn\" a }}", "", [], a: Links[0]));
        Assert.Contains("nav_current", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("leaky.sbn", error.Span.FileName, StringComparison.Ordinal);
        Assert.Equal(1, error.Span.Start.Line);

        // `$` holds the arguments, as with include.
        Assert.Equal("args.sbn/3", site.Render("{{ include_cached \"args.sbn\" a root }}", "x/", [], a: Links[1]));
    }

    [Theory]
    [InlineData("{{ include_cached \"item.sbn\" a.title }}", "plain variable")]
    [InlineData("{{ include_cached \"item.sbn\" 'text' }}", "plain variable")]
    [InlineData("{{ include_cached \"item.sbn\" list }}", "cannot pass 'list'")]
    [InlineData("{{ o = {title: 'x'} }}{{ include_cached \"item.sbn\" o }}", "cannot pass 'o'")]
    [InlineData("{{ include_cached \"missing.sbn\" a }}", "missing.sbn")]
    public void WhatCannotBeCachedSafelyIsAnErrorAtTheCall(string page, string message)
    {
        using var dossier = Templates();
        var error = Assert.ThrowsAny<ScriptRuntimeException>(() => new Site(dossier).Render(page, "", Links, a: Links[0]));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.EndsWith("page.sbn", error.Span.FileName, StringComparison.Ordinal);
    }

    private static TempDossier Templates()
    {
        var dossier = new TempDossier(withSeeds: false);
        dossier.Write("templates/item.sbn", Item);
        dossier.Write("templates/args.sbn", "{{ $[0] }}/{{ $.size }}");
        return dossier;
    }

    /// <summary>Contexts set up as the site's: shared built-ins holding one cache, strict variables.</summary>
    private sealed class Site
    {
        private readonly TemplateFolderLoader _loader;
        private readonly ScriptObject _builtins;
        private readonly string _templates;

        public Site(TempDossier dossier)
        {
            _templates = dossier.PathOf("templates");
            _loader = new TemplateFolderLoader(_templates, "templates");
            var context = new TemplateContext();
            RawIncludes.Install(context);
            CachedIncludes.Install(context, NewContext);
            _builtins = context.BuiltinObject;
            Cache = (CachedIncludes)_builtins["include_cached"]!;
        }

        public CachedIncludes Cache { get; }

        public string Render(string page, string root, ArticleLink[] list, ArticleLink? a = null)
        {
            var context = NewContext();
            context.PushGlobal(new ScriptObject
            {
                ["root"] = root,
                ["list"] = new ScriptArray(list),
                ["nav_current"] = "tags",
                ["a"] = a,
            });
            var output = new StringBuilderOutput();
            context.PushOutput(output);
            TemplateRenderer.Evaluate(Template.Parse(page, Path.Combine(_templates, "page.sbn")), context);
            return output.Builder.ToString();
        }

        private EscapingTemplateContext NewContext() =>
            new(_builtins) { TemplateLoader = _loader, StrictVariables = true, LimitToString = 0 };
    }
}
