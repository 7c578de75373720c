namespace StaticDossier.Rendering.Data;

/// <summary>serve's sitemap, page by page: each page's <c>url</c> element as the last build's sitemap held it, so a save
/// that adds a page or moves a list's date (a tags save: ~30 ms a save, after every other output) writes those elements
/// alone and joins the rest as they were. Every piece is cut from a sitemap the XML writer made, so the bytes are a whole
/// sitemap's: an element does not depend on its neighbours (one namespace, declared once on <c>urlset</c>, the same
/// indentation for each).</summary>
internal sealed class SitemapEntries
{
    private string? _baseUrl;
    private byte[] _head = [];
    private byte[] _tail = [];
    private Dictionary<string, (string? LastModified, byte[] Element)> _elements = new(StringComparer.Ordinal);

    /// <summary>The sitemap of <paramref name="listed"/> (in path order, the 404 page left out) at
    /// <paramref name="baseUrl"/>; <paramref name="whole"/> writes a sitemap of the pages given it.</summary>
    public byte[] Make(IReadOnlyList<(string Path, string? LastModified)> listed, string baseUrl, Func<IReadOnlyList<(string Path, string? LastModified)>, byte[]> whole)
    {
        if (baseUrl != _baseUrl)
        {
            _elements = new(StringComparer.Ordinal);
            _baseUrl = baseUrl;
        }

        var elements = new byte[]?[listed.Count];
        var missing = new List<int>();
        for (var i = 0; i < listed.Count; i++)
        {
            if (_elements.TryGetValue(listed[i].Path, out var known) && known.LastModified == listed[i].LastModified)
            {
                elements[i] = known.Element;
            }
            else
            {
                missing.Add(i);
            }
        }

        // Many pages new (the first build): the whole sitemap, cut into its elements for the next.
        if (missing.Count == listed.Count || missing.Count > listed.Count / 4)
        {
            var sitemap = whole(listed);
            var all = Cut(sitemap, listed.Count);
            Remember(listed, all?.Elements);
            (_head, _tail) = all is { } cut ? (cut.Head, cut.Tail) : (_head, _tail);
            return sitemap;
        }

        if (missing.Count > 0)
        {
            // The new elements are cut from a sitemap of those pages alone; its head and tail are every sitemap's.
            if (Cut(whole([.. missing.Select(i => listed[i])]), missing.Count) is not { } made)
            {
                _elements = new(StringComparer.Ordinal);
                return whole(listed);
            }

            for (var j = 0; j < missing.Count; j++)
            {
                elements[missing[j]] = made.Elements[j];
            }

            (_head, _tail) = (made.Head, made.Tail);
        }

        var bytes = new byte[_head.Length + _tail.Length + elements.Sum(e => e!.Length)];
        var at = _head.Length;
        _head.CopyTo(bytes, 0);
        foreach (var element in elements)
        {
            element!.CopyTo(bytes, at);
            at += element.Length;
        }

        _tail.CopyTo(bytes, at);
        Remember(listed, elements!);
        return bytes;
    }

    private void Remember(IReadOnlyList<(string Path, string? LastModified)> listed, byte[][]? elements)
    {
        _elements = new(listed.Count, StringComparer.Ordinal);
        for (var i = 0; elements is not null && i < listed.Count; i++)
        {
            _elements[listed[i].Path] = (listed[i].LastModified, elements[i]);
        }
    }

    /// <summary>A sitemap of <paramref name="count"/> pages cut into what comes before the first element, each element
    /// (with the line break and indentation before it) and what follows the last; null when it is not so made.</summary>
    internal static (byte[] Head, byte[][] Elements, byte[] Tail)? Cut(byte[] sitemap, int count)
    {
        var span = sitemap.AsSpan();
        var open = span.IndexOf("<urlset"u8);
        var close = open < 0 ? -1 : span[open..].IndexOf((byte)'>');
        if (count == 0 || close < 0 || span[open + close - 1] == (byte)'/')
        {
            return null;
        }

        var start = open + close + 1;
        var elements = new byte[count][];
        var at = start;
        for (var i = 0; i < count; i++)
        {
            var end = span[at..].IndexOf("</url>"u8);
            if (end < 0)
            {
                return null;
            }

            end += at + "</url>"u8.Length;
            elements[i] = span[at..end].ToArray();
            at = end;
        }

        return span[at..].IndexOf("</url>"u8) >= 0 ? null : (span[..start].ToArray(), elements, span[at..].ToArray());
    }
}
