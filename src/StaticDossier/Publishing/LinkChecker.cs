using System.Text.RegularExpressions;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;

namespace StaticDossier.Publishing;

/// <summary>Checks that every relative link and anchor in the built site resolves, before anything is published.</summary>
public static partial class LinkChecker
{
    /// <summary>Reports each broken internal link in <paramref name="files"/>; returns how many links were checked.</summary>
    public static int Check(IReadOnlyList<OutputFile> files, DiagnosticBag diagnostics)
    {
        var paths = files.Select(f => f.OutputPath).ToHashSet(StringComparer.Ordinal);
        var html = files.Where(f => f.IsHtml).ToList();
        var scanned = new ScannedPage[html.Count];
        Parallel.For(0, html.Count, i => scanned[i] = HtmlLinkScanner.Scan(html[i].Bytes));
        return Check(paths, html.Select(f => f.OutputPath).ToList(), scanned, i => html[i].Bytes, diagnostics);
    }

    /// <summary>Reports each broken internal link of the pages <paramref name="pages"/> (output paths, in the order to
    /// report them), scanned as <paramref name="scanned"/>, in a site of the files <paramref name="paths"/>;
    /// <paramref name="bytesOf"/> gives a page's bytes again, only to place a broken link. Returns how many links were checked.</summary>
    internal static int Check(HashSet<string> paths, IReadOnlyList<string> pages, IReadOnlyList<ScannedPage> scanned, Func<int, byte[]> bytesOf, DiagnosticBag diagnostics)
    {
        var ids = new Dictionary<string, HashSet<string>>(pages.Count, StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            ids[pages[i]] = scanned[i].Ids;
        }

        var judged = Judge(paths, ids, pages, scanned, withTargets: false);
        Report(pages, judged, bytesOf, diagnostics);
        return scanned.Sum(s => s.Links.Count);
    }

    /// <summary>Judges every link of the pages <paramref name="pages"/>, scanned as <paramref name="scanned"/>, in a site of
    /// the files <paramref name="paths"/> whose pages have the ids <paramref name="ids"/>: each page's broken links and, when
    /// <paramref name="withTargets"/>, what its verdicts rest on (<see cref="Judged.Targets"/>).</summary>
    internal static Judged[] Judge(HashSet<string> paths, IReadOnlyDictionary<string, HashSet<string>> ids, IReadOnlyList<string> pages,
        IReadOnlyList<ScannedPage> scanned, bool withTargets)
    {
        // Pages are checked on every core, each page's broken links kept apart and reported afterwards in page order.
        // A site's pages share most of their links (layout, navigation, the same tags), and pages in one folder
        // resolve them alike: each thread judges each link once per folder, and remembers the verdict.
        var judged = new Judged[pages.Count];
        Parallel.For(0, pages.Count, () => new Dictionary<string, Dictionary<string, (Link Link, string? Problem)>>(StringComparer.Ordinal), (index, _, verdicts) =>
        {
            var page = pages[index];
            var folder = page[..(page.LastIndexOf('/') + 1)];
            if (!verdicts.TryGetValue(folder, out var inFolder))
            {
                inFolder = new(StringComparer.Ordinal);
                verdicts[folder] = inFolder;
            }

            List<(string Message, int Offset)>? broken = null;
            HashSet<LinkTarget>? targets = withTargets ? [] : null;
            foreach (var (href, offset) in scanned[index].Links)
            {
                // Most off-site links are web addresses: passed over before any lookup.
                if (IsWebAddress(href))
                {
                    continue;
                }

                if (!inFolder.TryGetValue(href, out var verdict))
                {
                    var parsed = Parse(folder, href);
                    verdict = (parsed, parsed.Target == string.Empty ? null : Problem(href, parsed, parsed.Target, paths, ids));
                    inFolder[href] = verdict;
                }

                // A link within the page ("#top") is judged against the page itself, so its verdict is not shared.
                var problem = verdict.Link.Target == string.Empty ? Problem(href, verdict.Link, page, paths, ids) : verdict.Problem;
                if (problem is not null)
                {
                    (broken ??= []).Add((problem, offset));
                }

                // A verdict on another file rests on that file being there and, for an anchor, on its having the id.
                if (targets is not null && !verdict.Link.External && verdict.Link.Target is { Length: > 0 } target)
                {
                    targets.Add(new LinkTarget(target, null));
                    if (!string.IsNullOrEmpty(verdict.Link.Fragment))
                    {
                        targets.Add(new LinkTarget(target, verdict.Link.Fragment));
                    }
                }
            }

            judged[index] = new Judged(broken, targets is null ? [] : [.. targets]);
            return verdicts;
        }, _ => { });
        return judged;
    }

    /// <summary>Reports the broken links of <paramref name="judged"/>, pages in the order given, each placed in its page's
    /// bytes (<paramref name="bytesOf"/>, asked only for a page with a broken link).</summary>
    internal static void Report(IReadOnlyList<string> pages, IReadOnlyList<Judged> judged, Func<int, byte[]> bytesOf, DiagnosticBag diagnostics)
    {
        for (var i = 0; i < pages.Count; i++)
        {
            if (judged[i].Broken is not { } found)
            {
                continue;
            }

            var bytes = bytesOf(i);
            foreach (var (message, offset) in found)
            {
                var (line, column) = HtmlLinkScanner.Position(bytes, offset);
                diagnostics.Error(DiagnosticCodes.BrokenLink, message, new SourceLocation("_site/" + pages[i], line, column));
            }
        }
    }

    /// <summary>What one page's links came to.</summary>
    /// <param name="Broken">Each broken link's message and the byte offset of its tag; null when none is.</param>
    /// <param name="Targets">The other files its links lead to (the fragment null) and the anchors they name in them:
    /// its verdicts stand while these files stay (or stay absent) and keep (or still lack) those ids.</param>
    internal sealed record Judged(List<(string Message, int Offset)>? Broken, LinkTarget[] Targets);

    /// <summary>A file of the site a link leads to, and the anchor it names there (null: the file alone).</summary>
    internal readonly record struct LinkTarget(string Path, string? Fragment);

    /// <summary>Why the link <paramref name="href"/> is broken; null when it resolves (or leaves the site).</summary>
    private static string? Problem(string href, Link link, string? resolved, HashSet<string> paths,
        IReadOnlyDictionary<string, HashSet<string>> ids)
    {
        if (link.External)
        {
            return null;
        }

        if (resolved is null || !paths.Contains(resolved))
        {
            return $"Link '{href}' leads to no file in the site.";
        }

        return !string.IsNullOrEmpty(link.Fragment) && ids.TryGetValue(resolved, out var targetIds) && !targetIds.Contains(link.Fragment)
            ? $"Link '{href}' names anchor '#{link.Fragment}', which '{resolved}' does not have."
            : null;
    }

    /// <summary>What <paramref name="href"/> on a page in <paramref name="folder"/> leads to: the file (empty for
    /// the page itself, null when it climbs out of the site) and the anchor.</summary>
    private static Link Parse(string folder, string href)
    {
        if (IsExternal(href))
        {
            return new(true, null, null);
        }

        var hash = href.IndexOf('#', StringComparison.Ordinal);
        var target = hash >= 0 ? href[..hash] : href;
        var fragment = hash >= 0 ? Uri.UnescapeDataString(href[(hash + 1)..]) : null;
        var query = target.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            target = target[..query];
        }

        return new(false, target.Length == 0 ? string.Empty : Resolve(folder, Uri.UnescapeDataString(target)), fragment);
    }

    /// <summary>What a link leads to: off the site, or a file in it (empty for the page itself, null when it climbs
    /// out of the site) and an anchor.</summary>
    private readonly record struct Link(bool External, string? Target, string? Fragment);

    /// <summary>True for an <c>http(s)://</c> link: off the site, never checked.</summary>
    internal static bool IsWebAddress(string href) =>
        href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal);

    private static bool IsExternal(string href) => href.StartsWith("//", StringComparison.Ordinal) || Scheme().IsMatch(href);

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    /// <summary>Resolves a relative link against a page's folder (empty, or ending in '/'); null when it climbs out of the site.</summary>
    private static string? Resolve(string folder, string target)
    {
        var parts = new List<string>(folder.Split('/')[..^1]);
        if (target.StartsWith('/'))
        {
            return null;
        }

        foreach (var segment in target.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(segment);
            }
        }

        var path = string.Join('/', parts);
        return target.EndsWith('/') || path.Length == 0 ? (path.Length == 0 ? "index.html" : path + "/index.html") : path;
    }
}
