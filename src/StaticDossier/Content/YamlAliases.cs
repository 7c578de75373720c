using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StaticDossier.Content;

/// <summary>Finds a YAML alias that names a list or mapping where text belongs. YamlDotNet resolves such an alias
/// to the object it already made and turns that into text with a type converter, which gives "(Collection)": a
/// page listing <c>people: [*team]</c> published a person of that name. Front matter holds text and lists of text
/// only, so an alias to a collection is right only as the whole value of a list key.</summary>
internal static class YamlAliases
{
    /// <summary>The first misused alias in <paramref name="yaml"/>: its 1-based position in the YAML and a message;
    /// null when there is none (or the YAML does not parse: the deserializer then says what is wrong).</summary>
    public static (Mark Start, string Message)? FirstMisuse(string yaml, IReadOnlySet<string> listKeys)
    {
        var collections = new Dictionary<string, string>(StringComparer.Ordinal); // anchor → "a list" or "a mapping"
        var frames = new Stack<Frame>();
        try
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                var top = frames.Count > 0 ? frames.Peek() : null;
                // The key a value (or an item of a list value) belongs to.
                var key = top?.Key;
                switch (current)
                {
                    case AnchorAlias alias:
                        if (collections.TryGetValue(alias.Value.Value, out var what))
                        {
                            var asItem = top is { IsMapping: false };
                            var asValue = top is { IsMapping: true, AtValue: true };
                            if (asItem || (asValue && (key is null || !listKeys.Contains(key))))
                            {
                                var where = key is null ? "this value" : asItem ? $"an item of '{key}'" : $"'{key}'";
                                return (alias.Start, $"The alias *{alias.Value.Value} names {what}, but {where} must be text. Write the text itself, or an alias to a single value.");
                            }
                        }

                        Advance(top);
                        break;
                    case Scalar scalar:
                        if (top is { IsMapping: true, AtValue: false })
                        {
                            top.Key = scalar.Value;
                        }

                        Advance(top);
                        break;
                    case MappingStart mapping:
                        Remember(mapping, "a mapping", collections);
                        frames.Push(new Frame(true, key));
                        break;
                    case SequenceStart sequence:
                        Remember(sequence, "a list", collections);
                        frames.Push(new Frame(false, key));
                        break;
                    case MappingEnd or SequenceEnd:
                        frames.Pop();
                        Advance(frames.Count > 0 ? frames.Peek() : null);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // Broken YAML (or events out of order): the deserializer will say what is wrong.
            return null;
        }

        return null;
    }

    private static void Remember(NodeEvent node, string what, Dictionary<string, string> collections)
    {
        if (!node.Anchor.IsEmpty)
        {
            collections[node.Anchor.Value] = what;
        }
    }

    /// <summary>A node ended inside <paramref name="frame"/>: in a mapping, a key is followed by its value and a
    /// value by the next key.</summary>
    private static void Advance(Frame? frame)
    {
        if (frame is { IsMapping: true })
        {
            frame.AtValue = !frame.AtValue;
        }
    }

    private sealed class Frame(bool isMapping, string? key)
    {
        public bool IsMapping { get; } = isMapping;

        /// <summary>In a mapping, the key being read; in a list, the key the list is the value of.</summary>
        public string? Key { get; set; } = key;

        public bool AtValue { get; set; }
    }
}
