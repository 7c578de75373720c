using StaticDossier.Cleaning;

namespace StaticDossier.Content;

/// <summary>Turns a cleaned article into the text of its content page. No I/O.</summary>
public static class ContentPageFactory
{
    /// <summary>The file name (without folder) for a cleaned article: <c>YYYY-MM-DD-slug.md</c> or <c>slug.md</c>, the slug
    /// cut between words and outside names (<see cref="Slugger.ForTitle"/>).</summary>
    public static string FileNameFor(CleanedDocument doc)
    {
        var slug = Slugger.ForTitle(TitleOf(doc));
        return doc.Metadata.Date is { } date ? $"{date:yyyy-MM-dd}-{slug}.md" : $"{slug}.md";
    }

    /// <summary>The front matter ingest writes for <paramref name="doc"/>.</summary>
    /// <remarks>Values pass through <see cref="PublishableText"/>: ingest never writes a page the build would refuse.</remarks>
    public static FrontMatter FrontMatterFor(CleanedDocument doc) => new()
    {
        Title = TitleOf(doc),
        Date = doc.Metadata.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateApprox = doc.Metadata.Date is null ? doc.Metadata.DateApprox?.Value : null,
        Language = doc.Metadata.Language,
        Source = Line(doc.Metadata.Source),
        Byline = Line(doc.Metadata.Byline),
        Url = Line(doc.Metadata.Url),
        Seed = doc.Seed.Path,
        SeedSha256 = doc.Seed.Sha256,
        RemovedBlocks = doc.RemovedCount,
        Repairs = doc.Repairs.Count > 0 ? doc.Repairs.Count : null,
        RetrievedAt = Line(doc.Seed.Sidecar?.RetrievedAt),
        ArchiveFile = Line(doc.Seed.Sidecar?.ArchiveFile),
        ArchiveRecord = Line(doc.Seed.Sidecar?.ArchiveRecord),
    };

    /// <summary>The whole file text.</summary>
    public static string Format(CleanedDocument doc) => ContentPageFormatter.Format(FrontMatterFor(doc), PublishableText.Block(doc.MarkdownBody));

    /// <summary>The headline as written: a page needs one, so a seed without any is named after its file.</summary>
    private static string TitleOf(CleanedDocument doc) =>
        PublishableText.Line(doc.Title).Trim() is { Length: > 0 } title ? title : $"Untitled ({doc.Seed.Id})";

    private static string? Line(string? text) => text is null ? null : PublishableText.Line(text);
}
