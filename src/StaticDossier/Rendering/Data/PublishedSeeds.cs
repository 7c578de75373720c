namespace StaticDossier.Rendering.Data;

/// <summary>Every article's seed as captured, byte for byte, at <see cref="SitePaths.Seed"/>: a reader can read what
/// the article was cleaned from and check it against the SHA-256 its page shows. Always plain text (see
/// <see cref="SitePaths.Seed"/>); seed content is untrusted and is never published as HTML.</summary>
internal sealed class PublishedSeeds : ISiteOutput
{
    public IEnumerable<OutputFile?> Render(OutputContext context) =>
        context.Seeds.Values.DistinctBy(s => s.Sha256).OrderBy(s => s.Sha256, StringComparer.Ordinal).Select(s => new OutputFile(SitePaths.Seed(s.Sha256), s.Bytes));
}
