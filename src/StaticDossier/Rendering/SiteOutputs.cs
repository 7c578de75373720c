using StaticDossier.Rendering.Data;
using StaticDossier.Rendering.Pages;
using StaticDossier.Rendering.Search;

namespace StaticDossier.Rendering;

/// <summary>The registry of the site's outputs: a new page type or data file is one <see cref="ISiteOutput"/> added here.</summary>
internal static class SiteOutputs
{
    /// <summary>Every output. They run side by side: the first (the article pages, which already use every core) on the
    /// calling thread, each of the others, one serial piece of work, on the thread pool beside it, so no core sits
    /// idle; outputs that list the site run last.</summary>
    public static readonly IReadOnlyList<ISiteOutput> All =
    [
        new ArticlePages(),
        new HomePage(),
        new ArchivePages(),
        new TaxonomyPages(),
        new SearchPage(),
        new NotFoundPage(),
        new SearchIndexRenderer(),
        new AtomFeedRenderer(),
        new MetadataExporter(),
        new StaticAssets(),
        new PublishedSeeds(),
        new SitemapRenderer(),
    ];
}
