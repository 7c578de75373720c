using System.Collections.Concurrent;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;

namespace StaticDossier.Publishing;

/// <summary>What the link check keeps of a site that is written as it is rendered: every output path and each page's
/// ids and links, not its bytes (a 100,000-article site is gigabytes of pages, its links a small part of that).
/// <see cref="Add"/> may be called from many threads.</summary>
internal sealed class SiteLinks
{
    private static readonly HashSet<string> NoIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _paths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScannedPage> _pages = new(StringComparer.Ordinal);
    // Pages share most of their links and ids (the layout's, their tags', articles in one another's related lists):
    // each distinct one is kept once. A page's own string of each was most of what a 100,000-article site kept.
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private int _web;

    /// <summary>Notes <paramref name="file"/>'s path and, for a page, scans it.</summary>
    public void Add(OutputFile file)
    {
        _paths.TryAdd(file.OutputPath, 0);
        if (!file.IsHtml)
        {
            return;
        }

        // Links and ids come as the strings of the site's table: pages share most of theirs.
        var scan = HtmlLinkScanner.Scan(file.Bytes, _strings);
        var links = new List<(string Href, int Offset)>(scan.Links.Count(l => !LinkChecker.IsWebAddress(l.Href)));
        foreach (var link in scan.Links)
        {
            // Web addresses are never checked, only counted: their strings are not kept.
            if (LinkChecker.IsWebAddress(link.Href))
            {
                Interlocked.Increment(ref _web);
            }
            else
            {
                links.Add(link);
            }
        }

        var ids = NoIds;
        if (scan.Ids.Count > 0)
        {
            ids = scan.Ids;
            ids.TrimExcess(); // kept to the end of the build
        }

        _pages[file.OutputPath] = new ScannedPage(ids, links);
    }

    /// <summary>Reports each broken internal link, pages in path order as <see cref="LinkChecker"/> does;
    /// <paramref name="bytesOf"/> reads a page back, only to place a broken link in it. Returns how many links were checked
    /// (web addresses counted, as <see cref="LinkChecker"/> counts them).</summary>
    public int Check(DiagnosticBag diagnostics, Func<string, byte[]> bytesOf)
    {
        var pages = _pages.Keys.Order(StringComparer.Ordinal).ToList();
        var scanned = pages.Select(p => _pages[p]).ToList();
        return LinkChecker.Check(_paths.Keys.ToHashSet(StringComparer.Ordinal), pages, scanned, i => bytesOf(pages[i]), diagnostics) + _web;
    }
}
