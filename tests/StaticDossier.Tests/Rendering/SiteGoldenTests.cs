using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

/// <summary>Whole-site goldens: each <c>TestFiles/sites/&lt;name&gt;/</c> (site.yml + content/) is built with the
/// repository's templates and compared file by file with its <c>expected/</c> folder.
/// <c>UPDATE_GOLDEN=1 dotnet test</c> rewrites <c>expected/</c>; review the diff in git.</summary>
public sealed class SiteGoldenTests
{
    private static readonly string Sites = Path.Combine(RepoPaths.Root, "tests", "StaticDossier.Tests", "TestFiles", "sites");

    public static TheoryData<string> Cases() => [.. Directory.GetDirectories(Sites).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void BuildsTheExpectedSite(string name)
    {
        var source = Path.Combine(Sites, name);
        using var dossier = new TempDossier(withSeeds: false);
        File.Copy(Path.Combine(source, "site.yml"), dossier.SiteYml, overwrite: true);
        TempDossier.CopyDir(Path.Combine(source, "content"), dossier.Content);
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(dossier.SiteYml, diagnostics);
        Assert.NotNull(config);
        Assert.True(new SiteBuilder(config).Build(diagnostics).Succeeded, string.Join('\n', diagnostics));

        Golden.Folder(Path.Combine(source, "expected"), dossier.Site, Relative(dossier.Site), Relative);
    }

    /// <summary>Files copied verbatim from templates/assets/ are left out: they are not the generator's output.</summary>
    private static List<string> Relative(string folder) => [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
        .Where(f => !f.StartsWith("assets/", StringComparison.Ordinal) || f.StartsWith("assets/search/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)];
}
