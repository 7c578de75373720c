using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

/// <summary>The real seeds ingested and built once for the reader's-site tests.</summary>
public sealed class BuiltRealSite : IDisposable
{
    private readonly TempDossier _dossier = new();

    public BuiltRealSite()
    {
        Diagnostics = Dossier.IngestAndBuild(_dossier);
        foreach (var path in Directory.GetFiles(_dossier.Content, "*.md"))
        {
            var page = ContentPageParser.Parse(path, File.ReadAllText(path), new DiagnosticBag())!;
            PageBySeed[Path.GetFileName(page.Meta.Seed!)[..3]] = page;
        }
    }

    public DiagnosticBag Diagnostics { get; }

    public Dictionary<string, ContentPage> PageBySeed { get; } = new(StringComparer.Ordinal);

    public string Site => _dossier.Site;

    public string Read(string relative) => File.ReadAllText(Path.Combine(Site, relative));

    public string ArticleOf(string seed) => $"articles/{PageBySeed[seed].Slug}.html";

    public void Dispose() => _dossier.Dispose();
}
