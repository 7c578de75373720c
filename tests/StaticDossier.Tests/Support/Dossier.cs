using StaticDossier.Config;
using StaticDossier.Diagnostics;

namespace StaticDossier.Tests.Support;

/// <summary>Runs the pipeline in-process the way the CLI does.</summary>
internal static class Dossier
{
    public static SiteConfig Config(TempDossier dossier)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(dossier.SiteYml, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        return config!;
    }

    public static DiagnosticBag IngestAndBuild(TempDossier dossier)
    {
        var diagnostics = new DiagnosticBag();
        var config = Config(dossier);
        new Ingestor(config).Run(diagnostics);
        new SiteBuilder(config).Build(diagnostics);
        return diagnostics;
    }
}
