using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace StaticDossier.Publishing;

/// <summary>What the link checker needs from one page: the ids it defines and the links it makes.</summary>
/// <param name="Ids">Every <c>id</c> attribute value.</param>
/// <param name="Links">Every <c>a/link[href]</c> and <c>script/img/source[src]</c>, with the byte offset of its tag.</param>
internal sealed record ScannedPage(HashSet<string> Ids, List<(string Href, int Offset)> Links);

/// <summary>A small HTML tokenizer that reads only start tags and their attributes. The site's pages are
/// generated (templates + Markdown rendered safe), so a full DOM parse per page is not needed to find links; this
/// is what lets the check run over tens of thousands of pages in well under a second. It reads the page's UTF-8
/// bytes as they will be written: every character that shapes a tag is ASCII, and only attribute values are
/// decoded, so a site's hundred-odd megabytes of pages are never turned back into strings.</summary>
internal static class HtmlLinkScanner
{
    /// <summary>Scans <paramref name="html"/>.</summary>
    public static ScannedPage Scan(string html) => Scan(Encoding.UTF8.GetBytes(html));

    /// <summary>Scans the UTF-8 page <paramref name="html"/>. With <paramref name="kept"/> (a site's distinct links and
    /// ids, shared by every thread), each link and id is that table's string, added there when new; web addresses are
    /// not added (a site's checker passes them over).</summary>
    public static ScannedPage Scan(ReadOnlySpan<byte> html, ConcurrentDictionary<string, string>? kept = null)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<(string, int)>();
        ScanInto(html, 0, kept, ids, links);
        return new ScannedPage(ids, links);
    }

    /// <summary>Scans <paramref name="html"/>, a part of a page that starts at byte <paramref name="shift"/> of it, outside
    /// any tag, comment or script, into <paramref name="ids"/> and <paramref name="links"/> (offsets in the page). Returns
    /// whether the part also ends outside any of them, having closed all it opened: then the page's scan finds in it what
    /// this found, whatever comes after it. When false, what this found may differ from the page's scan.</summary>
    public static bool ScanPart(ReadOnlySpan<byte> html, int shift, ConcurrentDictionary<string, string>? kept, HashSet<string> ids,
        List<(string Href, int Offset)> links) => ScanInto(html, shift, kept, ids, links);

    private static bool ScanInto(ReadOnlySpan<byte> html, int shift, ConcurrentDictionary<string, string>? kept, HashSet<string> ids,
        List<(string Href, int Offset)> links)
    {
        var settled = true;
        var i = 0;
        while (i < html.Length)
        {
            var next = html[i..].IndexOf((byte)'<');
            if (next < 0)
            {
                break;
            }

            i += next;
            var start = i;
            if (i + 4 > html.Length)
            {
                settled = false; // "<!-" or "<a" cut short: what follows the part could finish it
            }

            if (html[i..].StartsWith("<!--"u8))
            {
                var end = html[(i + 4)..].IndexOf("-->"u8);
                settled &= end >= 0;
                i = end < 0 ? html.Length : i + 4 + end + 3;
                continue;
            }

            if (i + 1 >= html.Length || !char.IsAsciiLetter((char)html[i + 1]))
            {
                // End tags, doctype and stray '<' carry no links.
                i++;
                continue;
            }

            i++;
            var nameStart = i;
            while (i < html.Length && !IsSpace(html[i]) && html[i] is not ((byte)'>' or (byte)'/'))
            {
                i++;
            }

            var name = html[nameStart..i];
            var wanted = Is(name, "a"u8) || Is(name, "link"u8) ? "href"u8
                : Is(name, "script"u8) || Is(name, "img"u8) || Is(name, "source"u8) ? "src"u8
                : [];
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
                while (i < html.Length && !IsSpace(html[i]) && html[i] is not ((byte)'>' or (byte)'=' or (byte)'/'))
                {
                    i++;
                }

                var attr = html[attrStart..i];
                while (i < html.Length && IsSpace(html[i]))
                {
                    i++;
                }

                var value = ReadOnlySpan<byte>.Empty;
                var hasValue = false;
                if (i < html.Length && html[i] == '=')
                {
                    i++;
                    while (i < html.Length && IsSpace(html[i]))
                    {
                        i++;
                    }

                    value = html[ReadValue(html, ref i)];
                    hasValue = true;
                }

                // Like a browser, the first of two same-named attributes wins.
                if (id is null && Is(attr, "id"u8))
                {
                    id = hasValue ? Decode(value, kept) : string.Empty;
                }
                else if (link is null && !wanted.IsEmpty && Is(attr, wanted))
                {
                    link = hasValue ? Decode(value, kept) : string.Empty;
                }
            }

            if (id is not null)
            {
                ids.Add(id);
            }

            if (link is not null)
            {
                links.Add((link, start + shift));
            }

            settled &= i < html.Length; // the tag's '>' was found
            i = Math.Min(i + 1, html.Length);
            var rawText = Is(name, "script"u8) ? "</script"u8 : Is(name, "style"u8) ? "</style"u8
                : Is(name, "textarea"u8) ? "</textarea"u8 : Is(name, "title"u8) ? "</title"u8 : [];
            if (!rawText.IsEmpty)
            {
                // Raw text: whatever looks like a tag inside is not one.
                var close = IndexOfIgnoreCase(html[i..], rawText);
                settled &= close >= 0;
                i = close < 0 ? html.Length : i + close;
            }
        }

        return settled;
    }

    /// <summary>1-based line and column (in characters) of the byte <paramref name="offset"/> of a UTF-8 page;
    /// only computed for a broken link.</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<byte> html, int offset)
    {
        var before = html[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    /// <summary>Where the attribute value at <paramref name="i"/> lies (quotes excluded); moves past it.</summary>
    private static Range ReadValue(ReadOnlySpan<byte> html, ref int i)
    {
        if (i >= html.Length)
        {
            return i..i;
        }

        if (html[i] is (byte)'"' or (byte)'\'')
        {
            var quote = html[i];
            var end = html[(i + 1)..].IndexOf(quote);
            end = end < 0 ? html.Length : i + 1 + end;
            var quoted = (i + 1)..end;
            i = Math.Min(end + 1, html.Length);
            return quoted;
        }

        var start = i;
        while (i < html.Length && !IsSpace(html[i]) && html[i] != '>')
        {
            i++;
        }

        return start..i;
    }

    private static string Decode(ReadOnlySpan<byte> value, ConcurrentDictionary<string, string>? kept)
    {
        if (value.Contains((byte)'&'))
        {
            var decoded = WebUtility.HtmlDecode(Encoding.UTF8.GetString(value));
            return kept is null ? decoded : kept.GetOrAdd(decoded, decoded);
        }

        if (kept is not null && !value.StartsWith("https://"u8) && !value.StartsWith("http://"u8))
        {
            // A site's table is looked up before any string is made: at 100,000 articles a site has far more distinct
            // links than a thread's table below holds, and that one would be emptied over and over.
            var utf16 = value.Length <= 512 ? stackalloc char[value.Length] : new char[value.Length];
            utf16 = utf16[..Encoding.UTF8.GetChars(value, utf16)];
            if (kept.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(utf16, out var known, out _))
            {
                return known;
            }

            var added = new string(utf16);
            return kept.GetOrAdd(added, added);
        }

        // A site's pages repeat most of their links and ids (layout, navigation, the same tags): each thread makes
        // one string per distinct value instead of one per occurrence.
        var seen = t_seen ??= new HashSet<string>(StringComparer.Ordinal);
        if (seen.Count >= MaxSeen)
        {
            seen.Clear();
        }

        // UTF-8 never takes fewer bytes than UTF-16 takes characters.
        var chars = value.Length <= 512 ? stackalloc char[value.Length] : new char[value.Length];
        chars = chars[..Encoding.UTF8.GetChars(value, chars)];
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(chars, out var text))
        {
            text = new string(chars);
            seen.Add(text);
        }

        return text;
    }

    private const int MaxSeen = 1 << 16;

    [ThreadStatic]
    private static HashSet<string>? t_seen;

    /// <summary>ASCII case-insensitive equality, as HTML compares tag and attribute names.</summary>
    private static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> lower) => System.Text.Ascii.EqualsIgnoreCase(name, lower);

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> html, ReadOnlySpan<byte> lower)
    {
        for (var at = 0; at + lower.Length <= html.Length; at++)
        {
            var next = html[at..].IndexOf((byte)'<');
            if (next < 0)
            {
                return -1;
            }

            at += next;
            if (at + lower.Length <= html.Length && Is(html.Slice(at, lower.Length), lower))
            {
                return at;
            }
        }

        return -1;
    }

    private static bool IsSpace(byte c) => c is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f';
}
