using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StaticDossier.Content;

/// <summary>Reads the common shape of front matter straight from YamlDotNet's event parser: one mapping of
/// known keys to plain or quoted strings, lists of them, <c>true</c>/<c>false</c> and small whole numbers.
/// Anything else (null-like values, anchors, tags, unknown or repeated keys, other types, broken YAML)
/// gives null, and the caller uses YamlDotNet's deserializer, which reads it or says precisely what is
/// wrong. The deserializer reflects over <see cref="FrontMatter"/> for every page, which was most of
/// reading a large dossier.</summary>
internal static class FrontMatterReader
{
    public static FrontMatter? TryRead(string yaml)
    {
        try
        {
            var parser = new Parser(new StringReader(yaml));
            if (!parser.TryConsume<StreamStart>(out _) || !parser.TryConsume<DocumentStart>(out _)
                || !parser.TryConsume<MappingStart>(out var mapping) || !Plain(mapping))
            {
                return null;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var strings = new Dictionary<string, string>(StringComparer.Ordinal);
            var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            bool? draft = null;
            int? removed = null;
            int? repairs = null;
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (PlainScalar(parser) is not { } key || !seen.Add(key))
                {
                    return null;
                }

                switch (key)
                {
                    case "title" or "date" or "date_approx" or "language" or "source" or "byline" or "url" or "slug" or "summary" or "seed" or "seed_sha256"
                        or "retrieved_at" or "archive_file" or "archive_record":
                        if (Text(parser) is not { } text)
                        {
                            return null;
                        }

                        strings[key] = text;
                        break;
                    case "tags" or "people":
                        if (List(parser) is not { } list)
                        {
                            return null;
                        }

                        lists[key] = list;
                        break;
                    case "draft":
                        var flag = PlainScalar(parser);
                        if (flag is not ("true" or "false"))
                        {
                            return null;
                        }

                        draft = flag == "true";
                        break;
                    case "removed_blocks":
                        if (PlainScalar(parser) is not { Length: > 0 and <= 9 } number || !number.All(char.IsAsciiDigit))
                        {
                            return null;
                        }

                        removed = int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case "repairs":
                        if (PlainScalar(parser) is not { Length: > 0 and <= 9 } count || !count.All(char.IsAsciiDigit))
                        {
                            return null;
                        }

                        repairs = int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    default:
                        return null;
                }
            }

            if (!parser.TryConsume<DocumentEnd>(out _) || !parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            return new FrontMatter
            {
                Title = strings.GetValueOrDefault("title", string.Empty),
                Date = strings.GetValueOrDefault("date"),
                DateApprox = strings.GetValueOrDefault("date_approx"),
                Language = strings.GetValueOrDefault("language"),
                Source = strings.GetValueOrDefault("source"),
                Byline = strings.GetValueOrDefault("byline"),
                Url = strings.GetValueOrDefault("url"),
                Tags = lists.GetValueOrDefault("tags"),
                People = lists.GetValueOrDefault("people"),
                Slug = strings.GetValueOrDefault("slug"),
                Summary = strings.GetValueOrDefault("summary"),
                Draft = draft ?? false,
                Seed = strings.GetValueOrDefault("seed"),
                SeedSha256 = strings.GetValueOrDefault("seed_sha256"),
                RemovedBlocks = removed,
                Repairs = repairs,
                RetrievedAt = strings.GetValueOrDefault("retrieved_at"),
                ArchiveFile = strings.GetValueOrDefault("archive_file"),
                ArchiveRecord = strings.GetValueOrDefault("archive_record"),
            };
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // Broken YAML (or a parser that ran out of events): the deserializer will say what is wrong.
            return null;
        }
    }

    /// <summary>A string value; null for anything the deserializer might read otherwise (null-like plain scalars).</summary>
    private static string? Text(IParser parser) =>
        parser.TryConsume<Scalar>(out var scalar) && Plain(scalar)
        && !(scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL")
            ? scalar.Value
            : null;

    /// <summary>The value of an unquoted scalar with no anchor or tag; null for anything else.</summary>
    private static string? PlainScalar(IParser parser) =>
        parser.TryConsume<Scalar>(out var scalar) && Plain(scalar) && scalar.Style == ScalarStyle.Plain ? scalar.Value : null;

    private static List<string>? List(IParser parser)
    {
        if (!parser.TryConsume<SequenceStart>(out var start) || !Plain(start))
        {
            return null;
        }

        var items = new List<string>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            if (Text(parser) is not { } item)
            {
                return null;
            }

            items.Add(item);
        }

        return items;
    }

    /// <summary>No anchor and no explicit tag: nothing YAML could resolve to another type or value.</summary>
    private static bool Plain(NodeEvent node) => node.Anchor.IsEmpty && node.Tag.IsEmpty;
}
