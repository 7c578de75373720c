using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StaticDossier.Config;

/// <summary>Bounds how deeply YAML nests lists and mappings before YamlDotNet's deserializer reads it. Its scanner
/// rechecks every open flow level at every token, so time grows with the square of the depth: a 100 KB front matter
/// of 50,000 nested brackets took 40 s to refuse, 100,000 over two minutes (measured), while site.yml, front matter
/// and sidecars nest two or three levels. The check walks the parser's events and stops at the first level too deep,
/// so it costs the scanner only that many levels; a bracket inside text (a headline "[[[…") is text here, as it is
/// to the deserializer.</summary>
internal static class YamlDepth
{
    /// <summary>The deepest nesting accepted: far beyond any real configuration, and read in microseconds.</summary>
    public const int MaxDepth = 64;

    /// <summary>The 1-based line and column of the list or mapping that opens level <see cref="MaxDepth"/> + 1; null
    /// when <paramref name="yaml"/> stays within the bound, or does not parse (the deserializer then says why).</summary>
    public static (int Line, int Column)? FirstTooDeep(string yaml)
    {
        var depth = 0;
        try
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case SequenceStart or MappingStart:
                        if (++depth > MaxDepth)
                        {
                            var start = parser.Current.Start;
                            return ((int)start.Line, (int)start.Column);
                        }

                        break;
                    case SequenceEnd or MappingEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
            // Broken YAML (YamlDotNet's parser also throws the latter on some): the deserializer says what is wrong.
            return null;
        }

        return null;
    }
}
