using System.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace StaticDossier.Content;

/// <summary>Formats a content page as front matter plus Markdown, keys in a stable order. No I/O.</summary>
public static class ContentPageFormatter
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections | DefaultValuesHandling.OmitDefaults)
        .DisableAliases()
        .Build();

    /// <summary>The file text for <paramref name="meta"/> and <paramref name="body"/>.</summary>
    public static string Format(FrontMatter meta, string body)
    {
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append(Serializer.Serialize(meta).Replace("\r\n", "\n"));
        sb.Append("---\n\n");
        sb.Append(body.TrimEnd());
        sb.Append('\n');
        return sb.ToString();
    }
}
