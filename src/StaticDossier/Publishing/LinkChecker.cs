using System.Buffers;
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
    internal static Judged[] Judge(HashSet<string> paths, Dictionary<string, HashSet<string>> ids, IReadOnlyList<string> pages,
        IReadOnlyList<ScannedPage> scanned, bool withTargets)
    {
        // Pages are checked on every core, each page's broken links kept apart and reported afterwards in page order.
        // A site's pages share most of their links (layout, navigation, the same tags), and pages in one folder
        // resolve them alike: each thread judges each link once per folder, and remembers the verdict for the whole
        // check. (Parallel.For's per-task state would not do: its tasks end and start afresh every ~100 ms, so a
        // 100,000-article check judged every link of the articles' folder again some forty times.)
        var judged = new Judged[pages.Count];
        using var threadVerdicts = new ThreadLocal<Dictionary<string, Dictionary<string, Verdict>>>(() => new(StringComparer.Ordinal));
        Parallel.For(0, pages.Count, index =>
        {
            var page = pages[index];
            var folder = page.AsSpan(0, page.LastIndexOf('/') + 1);
            var verdicts = threadVerdicts.Value!;
            var byFolder = verdicts.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!byFolder.TryGetValue(folder, out var inFolder))
            {
                inFolder = new(StringComparer.Ordinal);
                byFolder[folder] = inFolder;
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
                    var parsed = Parse(folder, href, paths, ids);
                    verdict = new(parsed, parsed.Target == string.Empty ? null : Problem(href, parsed, parsed.Target, paths, ids));
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
        });
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
        Dictionary<string, HashSet<string>> ids)
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
    /// the page itself, null when it climbs out of the site) and the anchor. The file's path and the anchor are the
    /// strings <paramref name="paths"/> and <paramref name="ids"/> hold when they have them: a link that resolves makes no
    /// string of its own.</summary>
    private static Link Parse(ReadOnlySpan<char> folder, string href, HashSet<string> paths, Dictionary<string, HashSet<string>> ids)
    {
        if (IsExternal(href))
        {
            return new(true, null, null);
        }

        var hash = href.IndexOf('#', StringComparison.Ordinal);
        var target = hash >= 0 ? href.AsSpan(0, hash) : href.AsSpan();
        var query = target.IndexOf('?');
        if (query >= 0)
        {
            target = target[..query];
        }

        string? resolved;
        if (target.Length == 0)
        {
            resolved = string.Empty;
        }
        else
        {
            // The unescaped link, then the path: unescaping never lengthens, and the path is at most the folder, the
            // link, a '/' and "index.html".
            var buffer = ArrayPool<char>.Shared.Rent(target.Length + folder.Length + target.Length + 1 + IndexPage.Length);
            var into = buffer.AsSpan(target.Length);
            var length = Resolve(folder, Unescaped(target, buffer.AsSpan(0, target.Length)), into);
            var path = into[..Math.Max(length, 0)];
            resolved = length < 0 ? null : paths.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(path, out var known) ? known : path.ToString();
            ArrayPool<char>.Shared.Return(buffer);
        }

        return new(false, resolved, hash >= 0 ? Fragment(href.AsSpan(hash + 1), resolved, ids) : null);
    }

    /// <summary>The anchor <paramref name="escaped"/> unescaped: the string the ids of <paramref name="resolved"/> hold
    /// when they have it.</summary>
    private static string Fragment(ReadOnlySpan<char> escaped, string? resolved, Dictionary<string, HashSet<string>> ids)
    {
        if (escaped.Length == 0)
        {
            return string.Empty;
        }

        var buffer = ArrayPool<char>.Shared.Rent(escaped.Length);
        var fragment = Unescaped(escaped, buffer);
        var text = !string.IsNullOrEmpty(resolved) && ids.TryGetValue(resolved, out var targetIds)
            && targetIds.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(fragment, out var known) ? known : fragment.ToString();
        ArrayPool<char>.Shared.Return(buffer);
        return text;
    }

    /// <summary><paramref name="escaped"/> with its %XX escapes decoded as <see cref="Uri.UnescapeDataString(string)"/>
    /// decodes them, into <paramref name="buffer"/> when it has any.</summary>
    private static ReadOnlySpan<char> Unescaped(ReadOnlySpan<char> escaped, Span<char> buffer) =>
        escaped.Contains('%') && Uri.TryUnescapeDataString(escaped, buffer, out var written) ? buffer[..written] : escaped;

    /// <summary>A link's verdict in one folder: what it leads to and, for a link to another file, why it is broken.</summary>
    private readonly record struct Verdict(Link Link, string? Problem);

    /// <summary>What a link leads to: off the site, or a file in it (empty for the page itself, null when it climbs
    /// out of the site) and an anchor.</summary>
    private readonly record struct Link(bool External, string? Target, string? Fragment);

    /// <summary>True for an <c>http(s)://</c> link: off the site, never checked.</summary>
    internal static bool IsWebAddress(string href) =>
        href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("http://", StringComparison.Ordinal);

    private static bool IsExternal(string href) => href.StartsWith("//", StringComparison.Ordinal) || Scheme().IsMatch(href);

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    private const string IndexPage = "index.html";

    /// <summary>Resolves the (unescaped) relative link <paramref name="target"/> against a page's folder (empty, or ending
    /// in '/') into <paramref name="buffer"/>: the path's length, -1 when it climbs out of the site.</summary>
    private static int Resolve(ReadOnlySpan<char> folder, ReadOnlySpan<char> target, Span<char> buffer)
    {
        if (target.StartsWith('/'))
        {
            return -1;
        }

        // The path so far, each segment followed by '/': the folder's, then the link's.
        folder.CopyTo(buffer);
        var length = folder.Length;
        var rest = target;
        while (true)
        {
            var slash = rest.IndexOf('/');
            var segment = slash >= 0 ? rest[..slash] : rest;
            if (segment is "..")
            {
                if (length == 0)
                {
                    return -1;
                }

                length = buffer[..(length - 1)].LastIndexOf('/') + 1;
            }
            else if (segment is not ("" or "."))
            {
                segment.CopyTo(buffer[length..]);
                length += segment.Length;
                buffer[length++] = '/';
            }

            if (slash < 0)
            {
                break;
            }

            rest = rest[(slash + 1)..];
        }

        // The segments joined by '/' (the last one's '/' dropped); a folder's page, or the site's, is its index.html.
        if (length <= 1)
        {
            IndexPage.CopyTo(buffer);
            return IndexPage.Length;
        }

        if (target.EndsWith('/'))
        {
            IndexPage.CopyTo(buffer[length..]);
            return length + IndexPage.Length;
        }

        return length - 1;
    }
}
