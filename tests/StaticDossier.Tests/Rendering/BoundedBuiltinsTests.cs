using Scriban.Runtime;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

/// <summary>A built-in that could make gigabytes in one call is refused before it runs, naming itself and the size it
/// would have made; the same built-ins with ordinary arguments behave as Scriban's own.</summary>
public sealed class BoundedBuiltinsTests
{
    [Theory]
    [InlineData("{{ \"x\" | string.pad_left 2000000000 }}", "string.pad_left would make a value of 2,000,000,000 characters")]
    [InlineData("{{ \"x\" | string.pad_right 500000000 }}", "string.pad_right would make a value of 500,000,000 characters")]
    [InlineData("{{ \"ab\" | string.pad_right 4000000 | string.replace \" \" \"a longer text\" }}", "string.replace would make a value of 51,999,976 characters")]
    [InlineData("{{ 42 | object.format \"D999999999\" }}", "object.format would make a value of 999,999,999 characters")]
    [InlineData("{{ 42 | math.format \"0.00000000000000000000\" | string.size }}{{ 42 | math.format \"D100000000\" }}", "math.format would make a value of 100,000,000 characters")]
    [InlineData("{{ big = \"y\" | string.pad_left 5000000; [big, big] | array.join \", \" }}", "array.join would make a value of 10,000,004 characters")]
    public void AHugeResultIsRefusedBeforeItIsMade(string template, string message)
    {
        var (page, diagnostics) = Render(template);
        Assert.Null(page);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.TemplateRuntime, error.Code);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Contains("a template may make at most 8,388,608", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Location.Line);
    }

    [Theory]
    [InlineData("{{ \"fine\" | string.pad_left 8 }}", "    fine")]
    [InlineData("{{ \"fine\" | string.pad_right 6 }}|", "fine  |")]
    [InlineData("{{ 42 | object.format \"D4\" }}", "0042")]
    [InlineData("{{ 3.14159 | math.format \"0.00\" }}", "3.14")]
    [InlineData("{{ [1, 2, 3] | array.join \", \" }}", "1, 2, 3")]
    [InlineData("{{ \"a b c\" | string.replace \" \" \"--\" }}", "a--b--c")]
    public void OrdinaryCallsAreScribansOwn(string template, string expected)
    {
        var (page, diagnostics) = Render(template);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        Assert.Equal(expected, page);
    }

    private static (string? Page, DiagnosticBag Diagnostics) Render(string template)
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("templates/base.sbn", "{{ content }}");
        dossier.Write("templates/page.sbn", template);
        var diagnostics = new DiagnosticBag();
        var model = new ScriptObject();
        model.SetValue("site", new { Title = "T", Language = "en" }, true);
        model.SetValue("root", string.Empty, true);
        model.SetValue("page_title", null, false);
        var page = new TemplateRenderer(dossier.PathOf("templates"), "templates").Render("page.sbn", model, "page.html", diagnostics);
        return (page, diagnostics);
    }
}
