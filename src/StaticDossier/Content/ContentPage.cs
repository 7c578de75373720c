namespace StaticDossier.Content;

/// <summary>A curated Markdown page from <c>content/</c>.</summary>
/// <param name="Path">Path relative to the dossier root, forward slashes.</param>
/// <param name="Meta">Its front matter.</param>
/// <param name="MarkdownBody">The Markdown after the front matter.</param>
/// <param name="BodyStartLine">1-based line where the body starts, for diagnostics.</param>
public sealed record ContentPage(string Path, FrontMatter Meta, string MarkdownBody, int BodyStartLine)
{
    /// <summary>The URL slug: the front matter's, else the file name. A file name is not cut short again:
    /// ingest already bounded it, and the suffix that keeps two same-titled pages apart sits at its end.</summary>
    public string Slug => Meta.Slug is { } slug
        ? Slugger.Slugify(slug)
        : Slugger.Slugify(System.IO.Path.GetFileNameWithoutExtension(Path), maxLength: 255);
}
