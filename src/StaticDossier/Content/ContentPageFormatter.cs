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
        var sb = new StringBuilder(body.Length + 512);
        sb.Append("---\n");
        if (!TryAppendDirect(sb, meta))
        {
            sb.Length = 4;
            sb.Append(Serialized(meta));
        }

        sb.Append("---\n\n");
        sb.Append(body.TrimEnd());
        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>The front matter through YamlDotNet's serializer.</summary>
    internal static string Serialized(FrontMatter meta) => Serializer.Serialize(meta).Replace("\r\n", "\n");

    /// <summary>Appends the front matter as the serializer writes it, for what ingest writes (no tags, people, slug,
    /// summary or draft; strings <see cref="Cleaning.BlockYaml"/> is sure of and <see cref="RoundTripStringEmitter"/>
    /// leaves alone), or returns false having appended part of it. The serializer's reflection and the emitter's
    /// analysis cost a tenth of ingest; <c>ContentPageFormatterTests</c> holds the two together.</summary>
    private static bool TryAppendDirect(StringBuilder sb, FrontMatter meta) =>
        meta is { Tags: null or [], People: null or [], Slug: null, Summary: null, Draft: false, RemovedBlocks: null or > 0, Repairs: null or > 0 }
        && Field(sb, "title", meta.Title) && Field(sb, "date", meta.Date) && Field(sb, "date_approx", meta.DateApprox)
        && Field(sb, "language", meta.Language) && Field(sb, "source", meta.Source) && Field(sb, "byline", meta.Byline)
        && Field(sb, "url", meta.Url) && Field(sb, "seed", meta.Seed) && Field(sb, "seed_sha256", meta.SeedSha256)
        && Field(sb, "removed_blocks", meta.RemovedBlocks) && Field(sb, "repairs", meta.Repairs)
        && Field(sb, "retrieved_at", meta.RetrievedAt) && Field(sb, "archive_file", meta.ArchiveFile)
        && Field(sb, "archive_record", meta.ArchiveRecord);

    private static bool Field(StringBuilder sb, string key, string? value)
    {
        if (value is null)
        {
            return true;
        }

        if (NeedsQuotes(value))
        {
            return false;
        }

        sb.Append(key).Append(':');
        if (!Cleaning.BlockYaml.TryAppendScalar(sb, value))
        {
            return false;
        }

        sb.Append('\n');
        return true;
    }

    private static bool Field(StringBuilder sb, string key, int? value)
    {
        if (value is { } number)
        {
            sb.Append(key).Append(':');
            Cleaning.BlockYaml.AppendInt(sb, number);
            sb.Append('\n');
        }

        return true;
    }

    private static bool NeedsQuotes(string text) =>
        text.Length == 0 || text is "~" || text.Equals("null", StringComparison.OrdinalIgnoreCase)
        || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])
        || text.Any(c => char.IsControl(c) || c == '\uFEFF'
                         || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator);

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
    }
}
