using System.Text;

namespace StaticDossier.Cleaning;

/// <summary>Writes plain text as Markdown that renders back to the same text.</summary>
internal static class MarkdownText
{
    /// <summary>Joins paragraphs with blank lines, escaping what Markdown would otherwise interpret.</summary>
    public static string JoinParagraphs(IEnumerable<string> paragraphs) =>
        string.Join("\n\n", paragraphs.Select(p => p.StartsWith("## ", StringComparison.Ordinal) ? "## " + Escape(p[3..]) : Escape(p)));

    /// <summary>The article body of the kept blocks, in order (headings as <c>##</c>), each block's text given by
    /// <paramref name="textOf"/>: cleaning and repairing build it the same way.</summary>
    public static string BodyOf(IEnumerable<BlockDecision> decisions, Func<BlockDecision, string> textOf) =>
        JoinParagraphs(decisions.Where(d => d.Kept).Select(d => d.Role == "heading" ? "## " + textOf(d) : textOf(d)));

    /// <summary>Escapes Markdown and HTML syntax in <paramref name="text"/> so it stays literal.</summary>
    public static string Escape(string text)
    {
        var s = NeedsEscapes(text) ? EscapeEach(text) : text;
        // "1. " at the start would become an ordered list.
        var dot = s.IndexOf(". ", StringComparison.Ordinal);
        if (dot > 0 && dot < 10 && s[..dot].All(char.IsAsciiDigit))
        {
            s = s[..dot] + "\\" + s[dot..];
        }

        return s;
    }

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("\\`*_[]<>|{}&");

    // Most paragraphs hold nothing to escape: they are returned as they are, not copied a character at a time.
    private static bool NeedsEscapes(string text) =>
        text.AsSpan().IndexOfAny(Special) >= 0 || (text.Length > 0 && text[0] is '#' or '-' or '+' or '=');

    private static string EscapeEach(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '{' or '}' or '&')
            {
                sb.Append('\\');
            }
            else if (i == 0 && c is '#' or '-' or '+' or '=')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
