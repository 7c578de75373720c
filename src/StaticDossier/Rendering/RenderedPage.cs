namespace StaticDossier.Rendering;

/// <summary>One file of the finished site.</summary>
/// <param name="OutputPath">Path inside the site, forward slashes (e.g. <c>articles/x.html</c>).</param>
/// <param name="Bytes">The file's content.</param>
public sealed record OutputFile(string OutputPath, byte[] Bytes)
{
    /// <summary>True for pages the link checker reads.</summary>
    public bool IsHtml => OutputPath.EndsWith(".html", StringComparison.Ordinal);

    /// <summary>For a page, the date (YYYY-MM-DD) its content last changed as far as the dossier knows: an article's
    /// date, or the newest article a list shows; the sitemap's <c>lastmod</c>. Null when unknown.</summary>
    public string? LastModified { get; init; }

    /// <summary>For a page written by the C# template writers, its links and ids as they noted them: staging need not
    /// scan it for them. Null for any other file.</summary>
    internal PageLinks? Links { get; init; }
}
