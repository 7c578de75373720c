using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace StaticDossier.Tests.Hostile;

/// <summary>Reads a published page the way a browser would and lists everything in it that could run
/// script, evaluate markup, or fetch from outside the site.</summary>
internal static partial class HtmlSafetyAudit
{
    /// <summary>Elements that embed another document or rebase the page: never published.</summary>
    private static readonly HashSet<string> EmbeddingElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal",
    };

    private static readonly string[] UrlAttributes =
        ["href", "src", "srcset", "action", "formaction", "data", "background", "poster", "xlink:href", "ping", "lowsrc", "dynsrc", "codebase", "cite"];

    /// <summary>Every problem in <paramref name="html"/>; empty when the page is inert.</summary>
    public static IReadOnlyList<string> Problems(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var problems = new List<string>();
        foreach (var element in document.All)
        {
            var name = element.LocalName;
            if (EmbeddingElements.Contains(name))
            {
                problems.Add($"<{name}> element");
            }

            // The templates' own script files are allowed; script written into the page never is. JSON-LD is
            // data a browser never runs, but it must stay one inert block: nothing in it may close or comment it.
            if (name == "script" && element.GetAttribute("type") == "application/ld+json")
            {
                if (element.GetAttribute("src") is not null || element.InnerHtml.Contains('<', StringComparison.Ordinal))
                {
                    problems.Add($"JSON-LD with markup inside: {Short(element.InnerHtml)}");
                }
            }
            else if (name == "script" && (element.TextContent.Trim().Length > 0 || element.GetAttribute("src") is null))
            {
                problems.Add($"inline <script>: {Short(element.TextContent)}");
            }

            if (name == "style" && StyleFetchesOrRuns().IsMatch(element.TextContent))
            {
                problems.Add($"<style> that fetches or runs: {Short(element.TextContent)}");
            }

            if (name == "meta" && element.GetAttribute("http-equiv") is { } equiv &&
                !equiv.Equals("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"<meta http-equiv=\"{equiv}\">");
            }

            // Stylesheets and the icon must be the site's own; canonical, feed, Dublin Core schema and a list's
            // previous and next pages are metadata links that browsers do not fetch.
            if (name == "link" && !(element.GetAttribute("rel") is "stylesheet" or "icon" && IsLocal(element.GetAttribute("href")))
                && element.GetAttribute("rel") is not ("canonical" or "alternate" or "schema.DC" or "prev" or "next"))
            {
                problems.Add($"<link> to {element.GetAttribute("href")}");
            }

            foreach (var attr in element.Attributes)
            {
                Audit(element, attr, problems);
            }
        }

        return problems;
    }

    private static void Audit(IElement element, IAttr attr, List<string> problems)
    {
        var name = attr.Name.ToLowerInvariant();
        if (name.StartsWith("on", StringComparison.Ordinal))
        {
            problems.Add($"<{element.LocalName} {name}> event handler");
        }

        if (name == "style" || name == "srcdoc")
        {
            problems.Add($"<{element.LocalName} {name}>");
        }

        if (UrlAttributes.Contains(name))
        {
            var value = attr.Value;
            // Metadata links (canonical, feed, Dublin Core schema) are never fetched; like <a>, they may point off-site.
            var metadataLink = element.LocalName == "link" && element.GetAttribute("rel") is "canonical" or "alternate" or "schema.DC" or "prev" or "next";
            var fetches = element.LocalName != "a" && !metadataLink;
            if (!(fetches ? IsLocal(value) : IsLocal(value) || IsSafeLink(value)))
            {
                problems.Add($"<{element.LocalName} {name}=\"{value}\">");
            }
        }
    }

    private static string Short(string text) => text.Length > 80 ? text[..80] : text;

    [System.Text.RegularExpressions.GeneratedRegex(@"url\s*\(|@import|expression\s*\(|javascript:", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex StyleFetchesOrRuns();

    /// <summary>A link a reader may follow: http(s) or mailto, nothing that runs or renders inline.</summary>
    private static bool IsSafeLink(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";

    /// <summary>A relative reference inside the site (no scheme, no network path).</summary>
    private static bool IsLocal(string? value)
    {
        if (value is null)
        {
            return true;
        }

        var v = value.Trim();
        return !v.StartsWith("//", StringComparison.Ordinal) && !v.StartsWith('\\') && !HasScheme(v);
    }

    private static bool HasScheme(string value)
    {
        // Browsers drop tabs and newlines inside URLs before reading the scheme ("jav\tascript:").
        var compact = new string([.. value.Where(c => c is not ('\t' or '\n' or '\r'))]);
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        var slash = compact.IndexOfAny(['/', '?', '#']);
        return colon > 0 && (slash < 0 || colon < slash);
    }
}
