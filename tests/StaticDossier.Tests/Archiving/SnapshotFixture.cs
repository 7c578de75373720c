using StaticDossier.Archiving;
using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Archiving;

/// <summary>The real seeds ingested once, and their snapshot, shared by a test class that only reads them.</summary>
public sealed class SnapshotFixture : IDisposable
{
    public SnapshotFixture()
    {
        Folder = new TempDossier();
        var diagnostics = new DiagnosticBag();
        Config = Dossier.Config(Folder);
        new Ingestor(Config).Run(diagnostics);
        Bag = new Snapshotter(Config).Create(new SnapshotOptions(), diagnostics)
            ?? throw new InvalidOperationException(string.Join('\n', diagnostics));
    }

    internal TempDossier Folder { get; }

    public SiteConfig Config { get; }

    public Bag Bag { get; }

    /// <summary>The bag's files as a mutable map, for tests that damage a copy.</summary>
    public Dictionary<string, byte[]> CopyFiles() => Bag.Files.ToDictionary(f => f.Path, f => f.Bytes.ToArray(), StringComparer.Ordinal);

    public void Dispose() => Folder.Dispose();
}
