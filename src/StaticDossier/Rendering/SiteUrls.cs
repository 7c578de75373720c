namespace StaticDossier.Rendering;

/// <summary>Relative links between output files, so the site works from any folder and from file://.</summary>
public static class SiteUrls
{
    /// <summary>The prefix that leads from <paramref name="outputPath"/> back to the site root ("" or "../" …).</summary>
    public static string RootFrom(string outputPath)
    {
        var depth = outputPath.AsSpan().Count('/');
        return depth < Roots.Length ? Roots[depth] : string.Concat(Enumerable.Repeat("../", depth));
    }

    // One string per depth: every page's model holds its root, and the link check knows a link by its root's reference.
    private static readonly string[] Roots = ["", "../", "../../", "../../../", "../../../../"];

    /// <summary>The absolute URL of <paramref name="path"/> under <paramref name="baseUrl"/>; <c>index.html</c>
    /// becomes its folder, as servers serve it.</summary>
    public static string Absolute(string baseUrl, string path)
    {
        var root = baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/";
        if (path == "index.html")
        {
            return root;
        }

        return root + (path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path);
    }
}
