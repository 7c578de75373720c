using System.Text;

namespace StaticDossier.Content;

/// <summary>Removes what no content page may hold: control characters (a cleaner can decode them from
/// entities such as <c>&amp;#14;</c>), lone surrogates and non-characters. Headline-like values also lose
/// their line breaks.</summary>
internal static class PublishableText
{
    /// <summary>Text for a single-line value (title, source, byline, URL).</summary>
    public static string Line(string text) => Scrub(text, keepNewlines: false);

    /// <summary>Text for a body: newlines and tabs stay.</summary>
    public static string Block(string text) => Scrub(text, keepNewlines: true);

    // The characters Scrub may change or drop (a surrogate pair is kept, but only the loop tells it from a lone half):
    // a text holding none is returned as it is, without looking at each character in turn.
    private static readonly System.Buffers.SearchValues<char> BlockSpecials = CharSets.Where(c => c is not '\n' and not '\t' && IsSpecial(c));

    private static readonly System.Buffers.SearchValues<char> LineSpecials = CharSets.Where(IsSpecial);

    private static bool IsSpecial(char c) => char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF';

    private static string Scrub(string text, bool keepNewlines)
    {
        if (text.AsSpan().IndexOfAny(keepNewlines ? BlockSpecials : LineSpecials) < 0)
        {
            return text;
        }

        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            string? replacement = c switch
            {
                '\n' or '\r' => keepNewlines ? (c == '\n' ? "\n" : string.Empty) : " ",
                '\t' => keepNewlines ? "\t" : " ",
                _ when pair => null,
                _ when char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' => string.Empty,
                _ => null,
            };
            if (replacement is null)
            {
                sb?.Append(c);
                if (pair)
                {
                    i++;
                    sb?.Append(text[i]);
                }

                continue;
            }

            sb ??= new StringBuilder(text, 0, i, text.Length);
            sb.Append(replacement);
        }

        return sb?.ToString() ?? text;
    }
}
