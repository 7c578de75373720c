using System.Collections.Concurrent;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;

namespace StaticDossier.Publishing;

/// <summary>What the link check keeps of a site that is written as it is rendered: every output path and each page's
/// ids and links, not its bytes (a 100,000-article site is gigabytes of pages, its links a small part of that).
/// <see cref="Add"/> may be called from many threads.</summary>
internal sealed class SiteLinks : IDisposable
{
    private static readonly HashSet<string> NoIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _paths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScannedPage> _pages = new(StringComparer.Ordinal);
    // Pages share most of their links and ids (the layout's, their tags', articles in one another's related lists):
    // each distinct one is kept once. A page's own string of each was most of what a 100,000-article site kept.
    private readonly ConcurrentDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private int _web;

    // Each thread's links as joined before: the writers' links come as a root and a path that pages share (the same
    // strings, see SiteUrls.RootFrom), so most are known by reference before any text is hashed.
    private readonly ThreadLocal<Dictionary<(string? Root, string Path), string>> _joined = new(() => new(ByReference.Instance));

    /// <summary>Notes <paramref name="file"/>'s path and, for a page, its links and ids: as its writers noted them (<see cref="OutputFile.Links"/>),
    /// or scanned.</summary>
    public void Add(OutputFile file)
    {
        _paths.TryAdd(file.OutputPath, 0);
        if (!file.IsHtml)
        {
            return;
        }

        // Links and ids come as the strings of the site's table: pages share most of theirs.
        var scan = file.Links is { } written && Written(file.Bytes, written) is { } known ? known : HtmlLinkScanner.Scan(file.Bytes, _strings);
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

    /// <summary>What a scan of <paramref name="page"/> finds, from what its writers noted (<paramref name="written"/>) and a
    /// scan of only the parts they did not: null when such a part might read otherwise within the page (the page is then
    /// scanned whole).</summary>
    internal ScannedPage? Written(ReadOnlySpan<byte> page, PageLinks written)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in written.Ids)
        {
            ids.Add(Kept(id, null));
        }

        // The parts' links, then the noted ones, merged in page order (each list is in page order already).
        var parts = new List<(string Href, int Offset)>();
        foreach (var (start, length) in written.Unscanned)
        {
            if (!HtmlLinkScanner.ScanPart(page.Slice(start, length), start, _strings, ids, parts))
            {
                return null;
            }
        }

        var links = new List<(string Href, int Offset)>(written.Links.Length + parts.Count);
        var p = 0;
        foreach (var (root, path, offset) in written.Links)
        {
            while (p < parts.Count && parts[p].Offset < offset)
            {
                links.Add(parts[p++]);
            }

            links.Add((Kept(path, root), offset));
        }

        while (p < parts.Count)
        {
            links.Add(parts[p++]);
        }

        return new ScannedPage(ids, links);
    }

    /// <summary><paramref name="root"/> + <paramref name="text"/> as the site's table holds it (added when new); a web
    /// address is not added (see <see cref="HtmlLinkScanner"/>).</summary>
    private string Kept(string text, string? root)
    {
        var joined = _joined.Value!;
        if (joined.TryGetValue((root, text), out var known))
        {
            return known;
        }

        if (joined.Count >= MaxJoined)
        {
            joined.Clear();
        }

        known = Join(text, root);
        joined[(root, text)] = known;
        return known;
    }

    private const int MaxJoined = 1 << 16;

    /// <summary>Lets go of each thread's joined links.</summary>
    public void Dispose() => _joined.Dispose();

    private string Join(string text, string? root)
    {
        var length = (root?.Length ?? 0) + text.Length;
        var joined = length <= 512 ? stackalloc char[length] : new char[length];
        root.AsSpan().CopyTo(joined);
        text.AsSpan().CopyTo(joined[(root?.Length ?? 0)..]);
        if (joined.StartsWith("https://") || joined.StartsWith("http://"))
        {
            return root is null ? text : joined.ToString();
        }

        if (_strings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(joined, out var known))
        {
            return known;
        }

        var added = root is null ? text : joined.ToString();
        return _strings.GetOrAdd(added, added);
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

    /// <summary>Compares a root and a path by reference.</summary>
    private sealed class ByReference : IEqualityComparer<(string? Root, string Path)>
    {
        public static readonly ByReference Instance = new();

        public bool Equals((string? Root, string Path) x, (string? Root, string Path) y) => ReferenceEquals(x.Root, y.Root) && ReferenceEquals(x.Path, y.Path);

        public int GetHashCode((string? Root, string Path) link) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(link.Root), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(link.Path));
    }
}
