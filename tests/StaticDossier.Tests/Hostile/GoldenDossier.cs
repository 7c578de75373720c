using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Hostile;

/// <summary>Runs a golden error case: the repo's site.yml and templates, overlaid with the case folder's
/// own files (site.yml, seeds/, content/, templates/), ingested and built in a temporary folder.</summary>
internal static class GoldenDossier
{
    public const string Folder = "TestFiles/hostile";

    public static string CasePath(string name) => Path.Combine(RepoPaths.Root, "tests", "StaticDossier.Tests", Folder, name);

    public static IEnumerable<string> Cases() => Directory.EnumerateDirectories(CasePath(string.Empty))
        .Select(Path.GetFileName)
        .OfType<string>()
        .Order(StringComparer.Ordinal);

    /// <summary>Copies the case into a fresh dossier folder.</summary>
    public static TempDossier Prepare(string name)
    {
        var dossier = new TempDossier(withSeeds: false);
        foreach (var file in Directory.EnumerateFiles(CasePath(name), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(CasePath(name), file);
            if (relative.StartsWith("expected", StringComparison.Ordinal))
            {
                continue;
            }

            var target = dossier.PathOf(relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        return dossier;
    }

    /// <summary>Loads the config, ingests, builds; the diagnostics of all three, formatted, one per line.</summary>
    public static IReadOnlyList<string> Run(TempDossier dossier)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(dossier.SiteYml, diagnostics);
        if (config is not null)
        {
            new Ingestor(config).Run(diagnostics);
            new SiteBuilder(config).Build(diagnostics);
        }

        return Format(diagnostics, dossier.Root);
    }

    public static IReadOnlyList<string> Format(IEnumerable<Diagnostic> diagnostics, string root) =>
        [.. diagnostics.Select(d => d.ToString().Replace(root, "<root>", StringComparison.Ordinal))];
}
