using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

/// <summary>Whatever stage a build fails at, the previous site stays byte for byte.</summary>
public sealed class FailedBuildTests
{
    public static TheoryData<string, string, string> Breakages() => new()
    {
        { "content/broken.md", "---\ntitle: [unclosed\n---\n\nBody\n", DiagnosticCodes.FrontMatterInvalid },
        { "content/empty.md", "", DiagnosticCodes.FrontMatterMissing },
        { "content/clash.md", "---\ntitle: Clash\nslug: many-vietnamese-civil-society-groups-support-ukraine\n---\n\nBody\n", DiagnosticCodes.DuplicateOutputPath },
        { "content/link.md", "---\ntitle: Link\n---\n\n[nowhere](missing-page.html)\n", DiagnosticCodes.BrokenLink },
        { "templates/article.sbn", "<h1>{{ article.title }}</h1>\n{{ article.missing_member }}\n", DiagnosticCodes.TemplateRuntime },
        { "templates/index.sbn", "{{ if }}\n", DiagnosticCodes.TemplateSyntax },
        { "templates/base.sbn", "{{ include \"../site.yml\" }}\n", DiagnosticCodes.TemplateRuntime },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void PreviousSiteSurvives(string file, string text, string code)
    {
        using var dossier = new TempDossier();
        Assert.False(Dossier.IngestAndBuild(dossier).HasErrors);
        var before = SiteWriterTests.Snapshot(dossier.Site);

        dossier.Write(file, text);
        var diagnostics = new DiagnosticBag();
        Assert.False(new SiteBuilder(Dossier.Config(dossier)).Build(diagnostics).Succeeded);

        Assert.Contains(diagnostics, d => d.Code == code);
        Assert.Equal(before, SiteWriterTests.Snapshot(dossier.Site));
        // No staging or set-aside folder stays; the cache (ingest's keys, the build's state) is meant to.
        Assert.Equal(["_site", "content", "seeds", "templates"],
            Directory.EnumerateDirectories(dossier.Root).Select(Path.GetFileName).Where(d => d != "._site.cache").Order(StringComparer.Ordinal));
    }
}
