using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Config;

public sealed class SiteConfigLoaderTests
{
    [Fact]
    public void LoadsTheRepositorysSiteYml()
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(RepoPaths.SiteYml, diagnostics);
        Assert.NotNull(config);
        Assert.StartsWith("https://", config.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(RepoPaths.Root, "seeds"), config.SeedsPath);
    }

    [Fact]
    public void ReportsUnknownKeyWithItsLine()
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Parse("title: T\nbase_url: https://x.org/\ntittle: oops\n", "site.yml", diagnostics);
        Assert.Null(config);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.ConfigInvalid, error.Code);
        Assert.Equal(3, error.Location.Line);
        Assert.Contains("'tittle'", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("site.yml(3,1): error SD0101: Unknown key 'tittle'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RequiresAnAbsoluteBaseUrl()
    {
        using var dossier = new TempDossier(withSeeds: false, withTemplates: false);
        File.WriteAllText(dossier.SiteYml, "title: T\nbase_url: /relative/\n");
        var diagnostics = new DiagnosticBag();
        Assert.Null(SiteConfigLoader.Load(dossier.SiteYml, diagnostics));
        Assert.Equal(2, Assert.Single(diagnostics).Location.Line);
    }
}
