namespace StaticDossier.Rendering;

/// <summary>One file of the finished site.</summary>
/// <param name="OutputPath">Path inside the site, forward slashes (e.g. <c>articles/x.html</c>).</param>
/// <param name="Bytes">The file's content.</param>
public sealed record OutputFile(string OutputPath, byte[] Bytes)
{
    /// <summary>True for pages the link checker reads.</summary>
    public bool IsHtml => OutputPath.EndsWith(".html", StringComparison.Ordinal);
}
