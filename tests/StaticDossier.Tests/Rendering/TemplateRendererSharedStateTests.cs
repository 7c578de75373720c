using Scriban.Runtime;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

/// <summary>Pages share parsed partials and Scriban's built-in functions; no page may change what the next one sees.</summary>
public sealed class TemplateRendererSharedStateTests
{
    [Theory]
    [InlineData("{{ date.format = \"%Y\" }}")]
    [InlineData("{{ string.upcase = null }}")]
    [InlineData("{{ string = null }}")]
    [InlineData("{{ $.date = null }}")]
    public void PageCannotChangeBuiltinsForLaterPages(string mutation)
    {
        using var dossier = new TempDossier(withSeeds: false);
        // A bare layout: these tests are about shared Scriban state, not about what the site's layout needs.
        dossier.Write("templates/base.sbn", "{{ content }}");
        dossier.Write("templates/first.sbn", mutation + "first");
        dossier.Write("templates/second.sbn", "{{ date.parse \"2024-03-05\" }} {{ \"x\" | string.upcase }}");
        var templates = new TemplateRenderer(dossier.PathOf("templates"), "templates");
        var alone = new TemplateRenderer(dossier.PathOf("templates"), "templates").Render("second.sbn", Model(), "b.html", new DiagnosticBag());

        templates.Render("first.sbn", Model(), "a.html", new DiagnosticBag());
        var diagnostics = new DiagnosticBag();
        var second = templates.Render("second.sbn", Model(), "b.html", diagnostics);

        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        Assert.Equal(alone, second);
    }

    [Theory]
    [InlineData("{{ leaked = \"yes\" }}")]
    [InlineData("{{ func leaked; ret \"yes\"; end }}")]
    [InlineData("{{ for i in [1, 2] }}{{ leaked = i }}{{ end }}")]
    public void NothingAPageDefinesReachesTheNextPage(string definition)
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("templates/base.sbn", "{{ content }}");
        dossier.Write("templates/first.sbn", definition + "first");
        dossier.Write("templates/second.sbn", "{{ leaked }}");
        var templates = new TemplateRenderer(dossier.PathOf("templates"), "templates");

        // Pages reuse their thread's template context; the second page must not see the first one's variables.
        Assert.NotNull(templates.Render("first.sbn", Model(), "a.html", new DiagnosticBag()));
        var diagnostics = new DiagnosticBag();
        Assert.Null(templates.Render("second.sbn", Model(), "b.html", diagnostics));
        Assert.Contains(diagnostics, d => d.Message.Contains("leaked", StringComparison.Ordinal));
    }

    [Fact]
    public void APageThatFailsHalfWayLeavesNothingBehindForTheNext()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("templates/base.sbn", "<main>{{ content }}</main>");
        dossier.Write("templates/broken.sbn", "{{ for i in [1, 2] }}{{ include \"partials/_bad.sbn\" }}{{ end }}");
        dossier.Write("templates/partials/_bad.sbn", "{{ x = 1 }}{{ missing_variable }}");
        dossier.Write("templates/good.sbn", "{{ for i in [1, 2, 3] }}{{ i }}{{ end }} {{ site.title }}");
        var templates = new TemplateRenderer(dossier.PathOf("templates"), "templates");
        var fresh = new TemplateRenderer(dossier.PathOf("templates"), "templates").Render("good.sbn", Model(), "b.html", new DiagnosticBag());

        var failed = new DiagnosticBag();
        Assert.Null(templates.Render("broken.sbn", Model(), "a.html", failed));
        Assert.True(failed.HasErrors);
        var diagnostics = new DiagnosticBag();
        var good = templates.Render("good.sbn", Model(), "b.html", diagnostics);

        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        Assert.Equal("<main>123 T</main>", fresh);
        Assert.Equal(fresh, good);
    }

    [Theory]
    [InlineData("{{ content }}")]
    [InlineData("    {{ content }}")]
    [InlineData("<div>\n  {{ content }}\n</div>")]
    public void ThePageIsWrittenIntoTheLayoutAsAPartialWithTheSameTextWouldBe(string slot)
    {
        // The page reaches its layout as a buffer, not as a string; Scriban's indenting of what it writes
        // must still apply to it exactly as to a partial's output.
        using var dossier = new TempDossier(withSeeds: false);
        var text = "<p>one</p>\n<pre>two\n three</pre>\n";
        dossier.Write("templates/partials/_same.sbn", text);
        dossier.Write("templates/page.sbn", text);
        dossier.Write("templates/base.sbn", slot.Replace("{{ content }}", "{{ include \"partials/_same.sbn\" }}", StringComparison.Ordinal));
        var asPartial = new TemplateRenderer(dossier.PathOf("templates"), "templates").Render("page.sbn", Model(), "a.html", new DiagnosticBag());
        dossier.Write("templates/base.sbn", slot);
        var diagnostics = new DiagnosticBag();

        var asPage = new TemplateRenderer(dossier.PathOf("templates"), "templates").Render("page.sbn", Model(), "a.html", diagnostics);

        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        Assert.Equal(asPartial, asPage);
        if (slot.StartsWith("    ", StringComparison.Ordinal))
        {
            Assert.Equal("    <p>one</p>\n    <pre>two\n     three</pre>\n", asPage);
        }
    }

    [Fact]
    public void TheLayoutSeesThePageAsHtmlTextAndNothingMore()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("templates/base.sbn", "{{ content.value | string.size }}");
        dossier.Write("templates/page.sbn", "<p>12345</p>");
        dossier.Write("templates/builder.sbn", "x");
        var templates = new TemplateRenderer(dossier.PathOf("templates"), "templates");
        Assert.Equal("12", templates.Render("page.sbn", Model(), "a.html", new DiagnosticBag()));

        dossier.Write("templates/base.sbn", "{{ content.builder.length }}");
        var diagnostics = new DiagnosticBag();
        Assert.Null(new TemplateRenderer(dossier.PathOf("templates"), "templates").Render("builder.sbn", Model(), "b.html", diagnostics));
        Assert.True(diagnostics.HasErrors);
    }

    [Fact]
    public void EditedPartialIsSeenByTheNextBuild()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("templates/base.sbn", "{{ content }}");
        dossier.Write("templates/page.sbn", "{{ include \"partials/_bit.sbn\" }}");
        dossier.Write("templates/partials/_bit.sbn", "old partial");
        var first = new TemplateRenderer(dossier.PathOf("templates"), "templates");
        Assert.Contains("old partial", first.Render("page.sbn", Model(), "a.html", new DiagnosticBag()), StringComparison.Ordinal);
        Assert.Contains("old partial", first.Render("page.sbn", Model(), "b.html", new DiagnosticBag()), StringComparison.Ordinal);

        dossier.Write("templates/partials/_bit.sbn", "new partial");
        var second = new TemplateRenderer(dossier.PathOf("templates"), "templates");
        Assert.Contains("new partial", second.Render("page.sbn", Model(), "a.html", new DiagnosticBag()), StringComparison.Ordinal);
    }

    private static ScriptObject Model()
    {
        var model = new ScriptObject();
        model.SetValue("site", new { Title = "T", Language = "en" }, true);
        model.SetValue("root", string.Empty, true);
        model.SetValue("page_title", null, false);
        return model;
    }
}
