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

        // "1. " at the start would become an ordered list.
        var s = sb.ToString();
        var dot = s.IndexOf(". ", StringComparison.Ordinal);
        if (dot > 0 && dot < 10 && s[..dot].All(char.IsAsciiDigit))
        {
            s = s[..dot] + "\\" + s[dot..];
        }

        return s;
    }
}
