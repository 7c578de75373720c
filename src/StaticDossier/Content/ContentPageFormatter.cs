using System.Globalization;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;
using YamlDotNet.Serialization.NamingConventions;

namespace StaticDossier.Content;

/// <summary>Formats a content page as front matter plus Markdown, keys in a stable order. No I/O.
/// Whatever it writes, <see cref="ContentPageParser"/> reads back as the same values.</summary>
public static class ContentPageFormatter
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections | DefaultValuesHandling.OmitDefaults)
        .DisableAliases()
        .WithEventEmitter(next => new RoundTripStringEmitter(next))
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

    /// <summary>Double-quotes the strings a plain or folded scalar would change: a headline "Null" would read
    /// back as no title, and a line separator (U+2028) or edge whitespace would be folded away.</summary>
    private sealed class RoundTripStringEmitter(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && NeedsQuotes(text))
            {
                eventInfo.Style = ScalarStyle.DoubleQuoted;
            }

            base.Emit(eventInfo, emitter);
        }

        private static bool NeedsQuotes(string text) =>
            text.Length == 0 || text is "~" || text.Equals("null", StringComparison.OrdinalIgnoreCase)
            || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])
            || text.Any(c => char.IsControl(c) || c == '\uFEFF'
                             || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);
    }
}
