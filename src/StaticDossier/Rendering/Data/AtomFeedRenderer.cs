using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using StaticDossier.Config;
using StaticDossier.Analysis;

namespace StaticDossier.Rendering.Data;

/// <summary><c>feed.xml</c>: an Atom feed of the newest <c>feed_limit</c> articles (all when 0), absolute URLs
/// from <c>base_url</c>. Its <c>updated</c> is the newest article's date, never the clock, so the feed is the
/// same on every build. Only articles with an exact date are entries: Atom needs a day for every entry, and any day
/// given to an undated article (the build's, the first of an inferred month) would show a reader a date the source
/// never gave. Undated articles and those dated only approximately are on the site's timeline, not in the feed.</summary>
internal sealed class AtomFeedRenderer : ISiteOutput
{
    public IEnumerable<OutputFile?> Render(OutputContext context)
    {
        if (context.Memo is not { } memo)
        {
            return [Render(context.Dossier, context.Config)];
        }

        // Everything the feed is made of: the settings it shows, its date, and its entries' article views (the model memo
        // hands out an unchanged article's view again).
        var config = context.Config;
        var (updated, entries) = Entries(context.Dossier, config);
        object?[] parts = [config.Title, config.Description, config.BaseUrl, config.Language, config.Author, updated.ToString("O", System.Globalization.CultureInfo.InvariantCulture), .. entries];
        return [new OutputFile(SitePaths.Feed, memo.Joined(SitePaths.Feed, parts, () => Render(context.Dossier, config).Bytes))];
    }

    /// <summary>The feed's date (its newest article's day) and its entries, newest first.</summary>
    private static (DateTimeOffset Updated, List<ArticleView> Entries) Entries(DossierModel model, SiteConfig config)
    {
        var dated = model.Articles.Where(a => Day(a.Date) is not null).ToList();
        var updated = dated.Select(a => Day(a.Date)!.Value).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        return (updated, [.. dated.Take(config.FeedLimit > 0 ? config.FeedLimit : int.MaxValue)]);
    }

    internal static OutputFile Render(DossierModel model, SiteConfig config)
    {
        var home = new Uri(SiteUrls.Absolute(config.BaseUrl, SitePaths.Home));
        var self = new Uri(SiteUrls.Absolute(config.BaseUrl, SitePaths.Feed));
        var (updated, entries) = Entries(model, config);
        var feed = new SyndicationFeed(XmlText.Clean(config.Title), XmlText.Clean(config.Description), home, self.AbsoluteUri, updated)
        {
            Language = config.Language,
            Items = [.. entries.Select(Entry)],
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(self, "application/atom+xml"));
        feed.Authors.Add(new SyndicationPerson { Name = XmlText.Clean(string.IsNullOrWhiteSpace(config.Author) ? config.Title : config.Author) });

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return new OutputFile(SitePaths.Feed, stream.ToArray());
    }

    private static SyndicationItem Entry(ArticleView a)
    {
        var published = Day(a.Date)!.Value;
        var item = new SyndicationItem(XmlText.Clean(a.Title), SyndicationContent.CreateHtmlContent(XmlText.Clean(a.Body.Value)), new Uri(a.AbsoluteUrl), a.AbsoluteUrl, published)
        {
            Summary = new TextSyndicationContent(XmlText.Clean(a.Summary)),
            PublishDate = published,
        };
        item.AttributeExtensions.Add(new XmlQualifiedName("lang", "http://www.w3.org/XML/1998/namespace"), XmlText.Clean(a.Language));

        if (a.Byline is not null)
        {
            item.Authors.Add(new SyndicationPerson { Name = XmlText.Clean(a.Byline) });
        }

        foreach (var tag in a.Tags)
        {
            item.Categories.Add(new SyndicationCategory(XmlText.Clean(tag.Name)));
        }

        return item;
    }

    private static DateTimeOffset? Day(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;
}
