using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

public sealed class SiteBuilderTests
{
    [Fact]
    public void TwoBuildsAreByteIdentical()
    {
        using var a = new TempDossier();
        using var b = new TempDossier();
        Assert.False(Dossier.IngestAndBuild(a).HasErrors);
        Assert.False(Dossier.IngestAndBuild(b).HasErrors);
        var filesA = Directory.GetFiles(a.Site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a.Site, f)).Order().ToList();
        var filesB = Directory.GetFiles(b.Site, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(b.Site, f)).Order().ToList();
        Assert.Equal(filesA, filesB);
        foreach (var f in filesA)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.Site, f)), File.ReadAllBytes(Path.Combine(b.Site, f)));
        }
    }

    [Fact]
    public void FailedBuildLeavesThePreviousSiteIntact()
    {
        using var dossier = new TempDossier();
        Assert.False(Dossier.IngestAndBuild(dossier).HasErrors);
        var index = File.ReadAllText(Path.Combine(dossier.Site, "index.html"));
        dossier.Write("templates/article.sbn", "{{ for x in }}broken");

        var diagnostics = new DiagnosticBag();
        Assert.False(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded);
        var error = diagnostics.First(d => d.Code == DiagnosticCodes.TemplateSyntax);
        Assert.Equal("templates/article.sbn", error.Location.Path);
        Assert.Equal(1, error.Location.Line);
        Assert.Equal(index, File.ReadAllText(Path.Combine(dossier.Site, "index.html")));
        Assert.Equal(5, Directory.GetFiles(Path.Combine(dossier.Site, "articles")).Length);
    }

    [Fact]
    public void EscapesTextFromContentAndNeverEvaluatesIt()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/x.md", "---\ntitle: \"<script>alert(1)</script> {{ site.title }}\"\nurl: \"javascript:alert(1)\"\n---\n\n<img src=x onerror=alert(1)> [click](javascript:alert(2)) {{ 7 * 6 }}\n");
        var diagnostics = new DiagnosticBag();
        Assert.True(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));
        var html = File.ReadAllText(Path.Combine(dossier.Site, "articles", "x.html"));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("{{ site.title }}", html, StringComparison.Ordinal);
        Assert.Contains("{{ 7 * 6 }}", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsTwoPagesWithTheSameUrl()
    {
        using var dossier = new TempDossier(withSeeds: false);
        dossier.Write("content/a.md", "---\ntitle: A\nslug: same\n---\nA\n");
        dossier.Write("content/b.md", "---\ntitle: B\nslug: same\n---\nB\n");
        var diagnostics = new DiagnosticBag();
        Assert.False(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded);
        Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.DuplicateOutputPath);
        Assert.False(Directory.Exists(dossier.Site));
    }
}
