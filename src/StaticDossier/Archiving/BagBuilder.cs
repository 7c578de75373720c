using System.Text;

namespace StaticDossier.Archiving;

/// <summary>Turns payload files and bag metadata into a complete BagIt 1.0 bag (RFC 8493) in memory:
/// declaration, payload and tag manifests for every algorithm in <see cref="ChecksumAlgorithms.Written"/>, bag-info.txt.
/// No I/O, no clock: the same input gives the same bytes.</summary>
internal static class BagBuilder
{
    /// <summary>Builds the bag.</summary>
    /// <param name="name">The bag's base folder name: one path segment.</param>
    /// <param name="payload">Payload files with paths relative to <c>data/</c>.</param>
    /// <param name="info">What bag-info.txt says.</param>
    public static Bag Build(string name, IEnumerable<BagFile> payload, BagInfo info)
    {
        if (BagLayout.Unsafe(name) is not null || name.Contains('/', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a usable bag name.", nameof(name));
        }

        var data = payload
            .Select(f => f with { Path = BagLayout.PayloadPrefix + f.Path })
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < data.Count; i++)
        {
            if (BagLayout.Unsafe(data[i].Path) is { } why)
            {
                throw new ArgumentException($"Payload path '{data[i].Path}': {why}.", nameof(payload));
            }

            if (i > 0 && data[i].Path == data[i - 1].Path)
            {
                throw new ArgumentException($"Payload path '{data[i].Path}' appears twice.", nameof(payload));
            }
        }

        var octets = data.Sum(f => (long)f.Bytes.Length);
        var tags = new List<BagFile>
        {
            Text(BagLayout.Declaration, BagLayout.DeclarationText),
            Text(BagLayout.Info, BagInfoFormat.Format(info.Elements(octets, data.Count))),
        };
        tags.AddRange(ChecksumAlgorithms.Written.Select(a => Manifest(BagLayout.ManifestName(a), a, data)));

        // Tag manifests list every other tag file (never each other), RFC 8493 §2.2.1.
        var listed = tags.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        tags.AddRange(ChecksumAlgorithms.Written.Select(a => Manifest(BagLayout.TagManifestName(a), a, listed)));

        var files = tags.Concat(data).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        return new Bag(name, files, info.BaggingDate);
    }

    /// <summary>A manifest: one <c>checksum  path</c> line per file, in ordinal path order, LF line ends.
    /// Two spaces, as sha256sum writes, so <c>sha256sum -c</c> can check a bag too.</summary>
    public static BagFile Manifest(string manifestName, string algorithm, IEnumerable<BagFile> files)
    {
        var sb = new StringBuilder();
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            sb.Append(ChecksumAlgorithms.Hash(algorithm, file.Bytes)).Append("  ").Append(BagLayout.EncodePath(file.Path)).Append('\n');
        }

        return Text(manifestName, sb.ToString());
    }

    private static BagFile Text(string path, string text) => new(path, BagLayout.Utf8.GetBytes(text));
}
