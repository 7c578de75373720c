using System.Net;

namespace StaticDossier.Publishing;

/// <summary>What the link checker needs from one page: the ids it defines and the links it makes.</summary>
/// <param name="Ids">Every <c>id</c> attribute value.</param>
/// <param name="Links">Every <c>a/link[href]</c> and <c>script/img/source[src]</c>, with the offset of its tag.</param>
internal sealed record ScannedPage(HashSet<string> Ids, List<(string Href, int Offset)> Links);

/// <summary>A small HTML tokenizer that reads only start tags and their attributes. The site's pages are
/// generated (templates + Markdown rendered safe), so a full DOM parse per page is not needed to find links; this
/// is what lets the check run over tens of thousands of pages in well under a second.</summary>
internal static class HtmlLinkScanner
{
    /// <summary>Scans <paramref name="html"/>.</summary>
    public static ScannedPage Scan(string html)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<(string, int)>();
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            var start = i;
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            if (i + 1 >= html.Length || !char.IsAsciiLetter(html[i + 1]))
            {
                // End tags, doctype and stray '<' carry no links.
                i++;
                continue;
            }

            i++;
            var nameStart = i;
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('>' or '/'))
            {
                i++;
            }

            var name = html[nameStart..i].ToLowerInvariant();
            var wanted = name switch
            {
                "a" or "link" => "href",
                "script" or "img" or "source" => "src",
                _ => null,
            };
            string? id = null;
            string? link = null;
            while (i < html.Length && html[i] != '>')
            {
                if (IsSpace(html[i]) || html[i] == '/')
                {
                    i++;
                    continue;
                }

                var attrStart = i;
                while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('>' or '=' or '/'))
                {
                    i++;
                }

                var attr = html.AsSpan(attrStart, i - attrStart);
                while (i < html.Length && IsSpace(html[i]))
                {
                    i++;
                }

                string value = string.Empty;
                if (i < html.Length && html[i] == '=')
                {
                    i++;
                    while (i < html.Length && IsSpace(html[i]))
                    {
                        i++;
                    }

                    value = ReadValue(html, ref i);
                }

                // Like a browser, the first of two same-named attributes wins.
                if (id is null && attr.Equals("id", StringComparison.OrdinalIgnoreCase))
                {
                    id = value;
                }
                else if (link is null && wanted is not null && attr.Equals(wanted, StringComparison.OrdinalIgnoreCase))
                {
                    link = value;
                }
            }

            if (id is not null)
            {
                ids.Add(id);
            }

            if (link is not null)
            {
                links.Add((link, start));
            }

            i = Math.Min(i + 1, html.Length);
            if (name is "script" or "style" or "textarea" or "title")
            {
                // Raw text: whatever looks like a tag inside is not one.
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
            }
        }

        return new ScannedPage(ids, links);
    }

    /// <summary>1-based line and column of <paramref name="offset"/>; only computed for a broken link.</summary>
    public static (int Line, int Column) Position(string html, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (html[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    private static string ReadValue(string html, ref int i)
    {
        if (i >= html.Length)
        {
            return string.Empty;
        }

        string raw;
        if (html[i] is '"' or '\'')
        {
            var quote = html[i];
            var end = html.IndexOf(quote, i + 1);
            end = end < 0 ? html.Length : end;
            raw = html[(i + 1)..end];
            i = Math.Min(end + 1, html.Length);
        }
        else
        {
            var start = i;
            while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
            {
                i++;
            }

            raw = html[start..i];
        }

        return raw.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(raw) : raw;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';
}
