using System.Collections.Concurrent;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;

namespace StaticDossier.Publishing;

/// <summary>What the link check keeps of a site that is written as it is rendered: every output path and each page's
/// ids and links, not its bytes (a 100,000-article site is gigabytes of pages, its links a small part of that).
/// <see cref="Add"/> may be called from many threads.</summary>
internal sealed class SiteLinks
{
    private readonly ConcurrentDictionary<string, byte> _paths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScannedPage> _pages = new(StringComparer.Ordinal);

    /// <summary>Notes <paramref name="file"/>'s path and, for a page, scans it.</summary>
    public void Add(OutputFile file)
    {
        _paths.TryAdd(file.OutputPath, 0);
        if (file.IsHtml)
        {
            var scan = HtmlLinkScanner.Scan(file.Bytes);
            scan.Links.TrimExcess();
            scan.Ids.TrimExcess();
            _pages[file.OutputPath] = scan;
        }
    }

    /// <summary>Reports each broken internal link, pages in path order as <see cref="LinkChecker"/> does;
    /// <paramref name="bytesOf"/> reads a page back, only to place a broken link in it. Returns how many links were checked.</summary>
    public int Check(DiagnosticBag diagnostics, Func<string, byte[]> bytesOf)
    {
        var pages = _pages.Keys.Order(StringComparer.Ordinal).ToList();
        var scanned = pages.Select(p => _pages[p]).ToList();
        return LinkChecker.Check(_paths.Keys.ToHashSet(StringComparer.Ordinal), pages, scanned, i => bytesOf(pages[i]), diagnostics);
    }
}
