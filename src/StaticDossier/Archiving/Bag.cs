namespace StaticDossier.Archiving;

/// <summary>One file of a bag.</summary>
/// <param name="Path">Path relative to the bag's base folder, forward slashes (e.g. <c>data/site/index.html</c>).</param>
/// <param name="Bytes">The file's content.</param>
public sealed record BagFile(string Path, byte[] Bytes);

/// <summary>A complete BagIt bag held in memory: every tag file and payload file, in ordinal path order.</summary>
/// <param name="Name">The bag's base folder name (also the top-level folder of its zip).</param>
/// <param name="Files">Every file, tag files and payload, sorted by path.</param>
/// <param name="BaggingDate">The Bagging-Date written in bag-info.txt, when there is one.</param>
public sealed record Bag(string Name, IReadOnlyList<BagFile> Files, DateOnly? BaggingDate)
{
    /// <summary>The payload files (under <c>data/</c>).</summary>
    public IEnumerable<BagFile> Payload => Files.Where(f => BagLayout.IsPayload(f.Path));

    /// <summary>The file at <paramref name="path"/>, or null.</summary>
    public BagFile? Find(string path) => Files.FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.Ordinal));
}
