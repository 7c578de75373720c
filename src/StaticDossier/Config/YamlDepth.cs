namespace StaticDossier.Config;

/// <summary>Bounds how deeply YAML nests flow collections (<c>[[[…]]]</c>, <c>{a: {b: …}}</c>) before YamlDotNet reads
/// it. Its scanner rechecks every open level at every token, so time grows with the square of the depth: a
/// 100 KB front matter of 50,000 nested brackets took 40 s to refuse, 100,000 over two minutes (measured), while
/// site.yml, front matter and sidecars nest two or three levels. The scan skips quoted text and comments and counts
/// every other bracket, so it may over-count (a bracket inside plain text) but never under-counts.</summary>
internal static class YamlDepth
{
    /// <summary>The deepest flow nesting accepted: far beyond any real configuration, and read in microseconds.</summary>
    public const int MaxDepth = 64;

    /// <summary>The 1-based line and column of the first bracket that opens level <see cref="MaxDepth"/> + 1; null when
    /// <paramref name="yaml"/> stays within the bound.</summary>
    public static (int Line, int Column)? FirstTooDeep(string yaml)
    {
        var depth = 0;
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < yaml.Length; i++)
        {
            var c = yaml[i];
            switch (c)
            {
                case '\n':
                    line++;
                    lineStart = i + 1;
                    break;
                case '#' when i == lineStart || char.IsWhiteSpace(yaml[i - 1]):
                    i = SkipTo(yaml, i, '\n') - 1; // the newline itself is counted on the next turn
                    break;
                case '\'' or '"' when StartsQuoted(yaml, i, lineStart):
                    i = SkipQuoted(yaml, i, c, ref line, ref lineStart);
                    break;
                case '[' or '{':
                    if (++depth > MaxDepth)
                    {
                        return (line, i - lineStart + 1);
                    }

                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return null;
    }

    /// <summary>Whether the quote at <paramref name="at"/> opens a quoted scalar, as YAML reads it: first on its line, or
    /// after a flow indicator, or after ": ", "- ", "? ". Elsewhere (Russia's) it is a letter of plain text, and taking
    /// it for a quote would skip brackets that do nest.</summary>
    private static bool StartsQuoted(string text, int at, int lineStart)
    {
        var before = at - 1;
        while (before >= lineStart && text[before] is ' ' or '\t')
        {
            before--;
        }

        if (before < lineStart)
        {
            return true;
        }

        var spaced = before < at - 1;
        return text[before] switch
        {
            '[' or '{' or ',' => true,
            ':' or '-' or '?' => spaced,
            _ => false,
        };
    }

    private static int SkipTo(string text, int from, char stop)
    {
        var at = text.IndexOf(stop, from);
        return at < 0 ? text.Length : at;
    }

    /// <summary>The index of the quote closing the one at <paramref name="start"/> (or the end of the text).</summary>
    private static int SkipQuoted(string text, int start, char quote, ref int line, ref int lineStart)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (quote == '"' && c == '\\')
            {
                i++;
            }
            else if (c == quote)
            {
                if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i;
            }
        }

        return text.Length;
    }
}
