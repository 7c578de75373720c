using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

/// <summary>Links under templates/ are followed only where their real path stays inside templates/: a partial, a page
/// template or an asset that leads out of it (or nowhere) is refused with SD0404 naming it, and nothing of it is published.</summary>
public sealed class TemplateLinkTests
{
    private const string Secret = "TOP SECRET outside the templates";

    private static (DiagnosticBag Diagnostics, TempDossier Dossier) Build(Action<TempDossier> arrange)
    {
        var dossier = new TempDossier();
        dossier.Write("outside/secret.sbn", Secret);
        dossier.Write("outside/secret.css", Secret);
        arrange(dossier);
        return (Dossier.IngestAndBuild(dossier), dossier);
    }

    private static void Link(TempDossier dossier, string link, string target)
    {
        var path = dossier.PathOf(link);
        File.Delete(path);
        File.CreateSymbolicLink(path, target);
    }

    public static TheoryData<string, string> OutsideLinks() => new()
    {
        { "templates/partials/_nav.sbn", "../../outside/secret.sbn" },
        { "templates/partials/_head.sbn", "/etc/hostname" },
        { "templates/base.sbn", "../outside/secret.sbn" },
        { "templates/assets/style.css", "../../outside/secret.css" },
        { "templates/assets/passwd.txt", "/etc/passwd" },
    };

    [Theory]
    [MemberData(nameof(OutsideLinks))]
    public void ALinkLeadingOutOfTemplatesIsRefused(string link, string target)
    {
        var (diagnostics, dossier) = Build(d =>
        {
            Directory.CreateDirectory(Path.GetDirectoryName(d.PathOf(link))!);
            Link(d, link, target);
        });
        using (dossier)
        {
            // A page template or an asset is SD0404; a partial is refused where it is included (SD0403, positioned there).
            Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error
                && (d.Code == DiagnosticCodes.TemplateOutside || d.Code == DiagnosticCodes.TemplateRuntime)
                && d.Message.Contains("outside templates/", StringComparison.Ordinal));
            Assert.True(diagnostics.HasErrors);
            Assert.False(Directory.Exists(dossier.Site) && Directory.EnumerateFiles(dossier.Site, "*", SearchOption.AllDirectories)
                .Any(f => File.ReadAllText(f).Contains("TOP SECRET", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void ALinkedAssetFolderLeadingOutIsRefused()
    {
        var (diagnostics, dossier) = Build(d => Directory.CreateSymbolicLink(d.PathOf("templates/assets/outside"), "../../outside"));
        using (dossier)
        {
            Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.TemplateOutside && d.Message.Contains("templates/assets/outside", StringComparison.Ordinal));
            Assert.False(File.Exists(Path.Combine(dossier.Site, "assets", "outside", "secret.css")));
        }
    }

    [Fact]
    public void ALinkThatStaysInsideTemplatesIsPublished()
    {
        var (diagnostics, dossier) = Build(d => File.CreateSymbolicLink(d.PathOf("templates/assets/alias.css"), "style.css"));
        using (dossier)
        {
            Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
            Assert.Equal(File.ReadAllBytes(dossier.PathOf("templates/assets/style.css")), File.ReadAllBytes(Path.Combine(dossier.Site, "assets", "alias.css")));
        }
    }

    [Fact]
    public void TheCliRefusesItWithTheCodeAndNoStackTrace()
    {
        using var dossier = new TempDossier();
        dossier.Write("outside/secret.sbn", Secret);
        Link(dossier, "templates/partials/_nav.sbn", "../../outside/secret.sbn");
        var (exit, stdout, stderr) = DossierProcess.Run(dossier.Root);
        Assert.Equal(1, exit);
        Assert.Contains("outside templates/", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dossier.Site));
    }
}
