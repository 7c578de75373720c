using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;

namespace StaticDossier.Publishing;

/// <summary>Checks that every relative link and anchor in the built site resolves, before anything is published.</summary>
public static partial class LinkChecker
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsKeepingSourceReferences = true });

    /// <summary>Reports each broken internal link in <paramref name="files"/>; returns how many links were checked.</summary>
    public static int Check(IReadOnlyList<OutputFile> files, DiagnosticBag diagnostics)
    {
        var paths = files.Select(f => f.OutputPath).ToHashSet(StringComparer.Ordinal);
        var html = files.Where(f => f.IsHtml).ToList();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var links = new List<(string Page, string Href, int Line, int Column)>();
        foreach (var file in html)
        {
            using var doc = Parser.ParseDocument(Encoding.UTF8.GetString(file.Bytes));
            ids[file.OutputPath] = doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
            foreach (var element in doc.QuerySelectorAll("a[href], link[href], script[src], img[src], source[src]"))
            {
                var href = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                var position = element.SourceReference?.Position;
                links.Add((file.OutputPath, href, position?.Line ?? 0, position?.Column ?? 0));
            }
        }

        foreach (var (page, href, line, column) in links)
        {
            if (IsExternal(href))
            {
                continue;
            }

            var hash = href.IndexOf('#', StringComparison.Ordinal);
            var target = hash >= 0 ? href[..hash] : href;
            var fragment = hash >= 0 ? Uri.UnescapeDataString(href[(hash + 1)..]) : null;
            var query = target.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0)
            {
                target = target[..query];
            }

            var resolved = target.Length == 0 ? page : Resolve(page, Uri.UnescapeDataString(target));
            var where = new SourceLocation("_site/" + page, line, column);
            if (resolved is null || !paths.Contains(resolved))
            {
                diagnostics.Error(DiagnosticCodes.BrokenLink, $"Link '{href}' leads to no file in the site.", where);
            }
            else if (!string.IsNullOrEmpty(fragment) && ids.TryGetValue(resolved, out var targetIds) && !targetIds.Contains(fragment))
            {
                diagnostics.Error(DiagnosticCodes.BrokenLink, $"Link '{href}' names anchor '#{fragment}', which '{resolved}' does not have.", where);
            }
        }

        return links.Count;
    }

    private static bool IsExternal(string href) => href.StartsWith("//", StringComparison.Ordinal) || Scheme().IsMatch(href);

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    /// <summary>Resolves a relative link against the page's folder; null when it climbs out of the site.</summary>
    private static string? Resolve(string page, string target)
    {
        var parts = new List<string>(page.Split('/')[..^1]);
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
