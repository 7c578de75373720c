using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace StaticDossier.Cleaning;

/// <summary>Reads a plain-text dump into a DOM of blocks (one <c>p</c> or <c>li</c> per line, with its line number),
/// so dumps and saved pages share one set of rules.</summary>
internal static class TextDumpReader
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Read(string text)
    {
        var document = Parser.ParseDocument(string.Empty);
        var body = document.Body!;
        var lineNo = 0;
        var gap = false;
        var bullet = false;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            lineNo++;
            var line = raw.Trim();
            if (line.IsEmpty)
            {
                gap = true;
                continue;
            }

            // A lone bullet on its own line marks the next line as a list item.
            if (line is "-" or "•" or "*" or "·")
            {
                bullet = true;
                continue;
            }

            var isItem = bullet;
            if (line.Length > 2 && line[0] is '-' or '•' or '*' or '·' && line[1] == ' ')
            {
                isItem = true;
                line = line[2..].TrimStart();
            }

            var element = document.CreateElement(isItem ? "li" : "p");
            element.SetAttribute("data-line", lineNo.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (gap)
            {
                element.SetAttribute("data-gap", string.Empty);
            }

            element.AppendChild(document.CreateTextNode(line.ToString()));
            body.AppendChild(element);
            gap = false;
            bullet = false;
        }

        return document;
    }
}
