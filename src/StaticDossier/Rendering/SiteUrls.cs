namespace StaticDossier.Rendering;

/// <summary>Relative links between output files, so the site works from any folder and from file://.</summary>
public static class SiteUrls
{
    /// <summary>The prefix that leads from <paramref name="outputPath"/> back to the site root ("" or "../" …).</summary>
    public static string RootFrom(string outputPath)
    {
        var depth = outputPath.Count(c => c == '/');
        return string.Concat(Enumerable.Repeat("../", depth));
    }

    /// <summary>The output path of an article page.</summary>
    public static string Article(string slug) => $"articles/{slug}.html";
}
