using StaticDossier.Diagnostics;
using StaticDossier.Rendering;

namespace StaticDossier.Publishing;

/// <summary>The link check of a long-lived builder (<c>dossier serve</c>): what the last check found on each page, so the
/// next judges again only the pages whose verdicts may have moved. Those are the pages whose bytes changed (or that are
/// new), and the pages with a link to a file that came or went, or to an anchor that a page whose bytes changed gained
/// or lost. Every other page's links lead to files as they were, so its verdicts (broken or not) stand. The diagnostics
/// are a full check's (<see cref="LinkChecker"/>): every broken link of the site, pages in path order.</summary>
internal sealed class CheckedLinks
{
    private Dictionary<string, Page> _pages = new(StringComparer.Ordinal);
    private HashSet<string> _paths = new(StringComparer.Ordinal);

    // Per link target (a file, or an anchor in it), the pages whose verdicts rest on it (its last judged targets): the
    // pages a file that came or went, or an anchor that moved, sends back to be judged are looked up here rather than
    // found by going through every target of every page of the site (~40 ms at 10,000 articles on a tags save).
    private Dictionary<LinkChecker.LinkTarget, HashSet<string>> _linkers = [];

    /// <summary>Pages whose links the last check judged (the others kept their verdicts).</summary>
    public int PagesJudged { get; private set; }

    /// <summary>Reports every broken internal link of <paramref name="files"/> (sorted by path, as a build gives them); returns
    /// how many links were checked, as <see cref="LinkChecker.Check(IReadOnlyList{OutputFile}, DiagnosticBag)"/> counts them.</summary>
    public int Check(IReadOnlyList<OutputFile> files, DiagnosticBag diagnostics)
    {
        var paths = new HashSet<string>(files.Count, StringComparer.Ordinal);
        var html = new List<OutputFile>(files.Count);
        foreach (var file in files)
        {
            paths.Add(file.OutputPath);
            if (file.IsHtml)
            {
                html.Add(file);
            }
        }

        // A page is new to the check unless its bytes are the very array checked last time: a page the render memo kept.
        var scans = new ScannedPage?[html.Count];
        var known = 0;
        Parallel.For(0, html.Count, i =>
        {
            var had = _pages.TryGetValue(html[i].OutputPath, out var last);
            if (had)
            {
                Interlocked.Increment(ref known);
            }

            scans[i] = had && ReferenceEquals(last!.Bytes, html[i].Bytes) ? null : HtmlLinkScanner.Scan(html[i].Bytes);
        });

        // What a kept page's verdicts may rest on and no longer holds: files that came or went, and the ids a changed page
        // gained or lost.
        var moved = new HashSet<LinkChecker.LinkTarget>();
        moved.UnionWith(paths.Where(p => !_paths.Contains(p)).Select(p => new LinkChecker.LinkTarget(p, null)));
        moved.UnionWith(_paths.Where(p => !paths.Contains(p)).Select(p => new LinkChecker.LinkTarget(p, null)));
        var ids = new Dictionary<string, HashSet<string>>(html.Count, StringComparer.Ordinal);
        for (var i = 0; i < html.Count; i++)
        {
            var path = html[i].OutputPath;
            ids[path] = scans[i]?.Ids ?? _pages[path].Scan.Ids;
            if (scans[i] is { } scan && _pages.TryGetValue(path, out var last) && !last.Scan.Ids.SetEquals(scan.Ids))
            {
                var changed = new HashSet<string>(last.Scan.Ids, StringComparer.Ordinal);
                changed.SymmetricExceptWith(scan.Ids);
                moved.UnionWith(changed.Select(id => new LinkChecker.LinkTarget(path, id)));
            }
        }

        var again = new List<int>();
        var linked = Linked(moved);
        for (var i = 0; i < html.Count; i++)
        {
            if (scans[i] is not null || linked.Contains(html[i].OutputPath))
            {
                again.Add(i);
            }
        }

        var judged = LinkChecker.Judge(paths, ids, [.. again.Select(i => html[i].OutputPath)],
            [.. again.Select(i => scans[i] ?? _pages[html[i].OutputPath].Scan)], withTargets: true);
        var now = new Dictionary<string, Page>(html.Count, StringComparer.Ordinal);
        for (var i = 0; i < html.Count; i++)
        {
            var path = html[i].OutputPath;
            now[path] = scans[i] is { } scan ? new Page(html[i].Bytes, scan, null!) : _pages[path];
        }

        for (var j = 0; j < again.Count; j++)
        {
            var path = html[again[j]].OutputPath;
            Unlink(path, _pages.TryGetValue(path, out var last) ? last.Judged : null);
            now[path] = now[path] with { Judged = judged[j] };
            foreach (var target in judged[j].Targets)
            {
                if (!_linkers.TryGetValue(target, out var linkers))
                {
                    _linkers[target] = linkers = new(StringComparer.Ordinal);
                }

                linkers.Add(path);
            }
        }

        // Pages of the last check no longer made: looked for only when some are gone (fewer of its pages met than it had).
        if (known < _pages.Count)
        {
            foreach (var (path, last) in _pages)
            {
                if (!now.ContainsKey(path))
                {
                    Unlink(path, last.Judged);
                }
            }
        }

        (_pages, _paths, PagesJudged) = (now, paths, again.Count);
        Building.BuildTimings.Note("link check", $"{again.Count} of {html.Count} pages judged ({scans.Count(s => s is not null)} new or changed, {moved.Count} files or anchors came or went)");
        var pages = html.Select(f => f.OutputPath).ToList();
        LinkChecker.Report(pages, [.. pages.Select(p => now[p].Judged)], i => html[i].Bytes, diagnostics);
        return pages.Sum(p => now[p].Scan.Links.Count);
    }

    /// <summary>Forgets every page: the next check judges the whole site.</summary>
    public void Forget() => (_pages, _paths, _linkers) = (new(StringComparer.Ordinal), new(StringComparer.Ordinal), []);

    /// <summary>The pages of the last check whose verdicts rest on a target among <paramref name="moved"/>.</summary>
    private HashSet<string> Linked(HashSet<LinkChecker.LinkTarget> moved)
    {
        var linked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var target in moved)
        {
            if (_linkers.TryGetValue(target, out var pages))
            {
                linked.UnionWith(pages);
            }
        }

        return linked;
    }

    /// <summary>Takes <paramref name="page"/> out of the pages of each target its last verdicts rested on.</summary>
    private void Unlink(string page, LinkChecker.Judged? judged)
    {
        foreach (var target in judged?.Targets ?? [])
        {
            if (_linkers.TryGetValue(target, out var pages) && pages.Remove(page) && pages.Count == 0)
            {
                _linkers.Remove(target);
            }
        }
    }

    /// <summary>A page as last checked: its bytes (kept to know it again), its scan and its verdicts.</summary>
    private sealed record Page(byte[] Bytes, ScannedPage Scan, LinkChecker.Judged Judged);
}
