using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace StaticDossier.Seeds;

/// <summary>Writes a seed sidecar (<c>NAME.seed.yml</c>) in <see cref="SeedMetadata"/>'s key order, leaving out what
/// is unknown, so that what <see cref="SeedReader"/> reads back is the same record. No I/O.</summary>
internal static class SidecarWriter
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .DisableAliases()
        .Build();

    /// <summary>The sidecar's text, with a comment saying which tool wrote it.</summary>
    public static string Format(SeedMetadata meta, string writtenBy) =>
        $"# Written by {writtenBy}; these facts are the page's provenance: keep them as they are.\n" +
        Serializer.Serialize(meta).Replace("\r\n", "\n");
}
