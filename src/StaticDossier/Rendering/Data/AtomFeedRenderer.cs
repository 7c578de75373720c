using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using StaticDossier.Config;
using StaticDossier.Analysis;

namespace StaticDossier.Rendering.Data;

/// <summary><c>feed.xml</c>: an Atom feed of the newest <c>feed_limit</c> articles (all when 0), absolute URLs
/// from <c>base_url</c>. Its <c>updated</c> is the newest article's date, never the clock, so the feed is the
/// same on every build.</summary>
internal sealed class AtomFeedRenderer : ISiteOutput
{
    public IEnumerable<OutputFile?> Render(OutputContext context) => [Render(context.Dossier, context.Config)];

    internal static OutputFile Render(DossierModel model, SiteConfig config)
    {
        var home = new Uri(SiteUrls.Absolute(config.BaseUrl, SitePaths.Home));
        var self = new Uri(SiteUrls.Absolute(config.BaseUrl, SitePaths.Feed));
        var updated = model.Articles.Select(a => Day(a.Date)).OfType<DateTimeOffset>().DefaultIfEmpty(DateTimeOffset.UnixEpoch).Max();
        var feed = new SyndicationFeed(XmlText.Clean(config.Title), XmlText.Clean(config.Description), home, self.AbsoluteUri, updated)
        {
            Language = config.Language,
            // Articles are newest first; undated ones come last and so only fill a feed with room to spare.
            Items = [.. model.Articles.Take(config.FeedLimit > 0 ? config.FeedLimit : int.MaxValue).Select(a => Entry(a, updated))],
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

    private static SyndicationItem Entry(ArticleView a, DateTimeOffset fallback)
    {
        var item = new SyndicationItem(XmlText.Clean(a.Title), SyndicationContent.CreateHtmlContent(XmlText.Clean(a.Body.Value)), new Uri(a.AbsoluteUrl), a.AbsoluteUrl, Day(a.Date) ?? fallback)
        {
            Summary = new TextSyndicationContent(XmlText.Clean(a.Summary)),
        };
        item.AttributeExtensions.Add(new XmlQualifiedName("lang", "http://www.w3.org/XML/1998/namespace"), XmlText.Clean(a.Language));
        if (Day(a.Date) is { } published)
        {
            item.PublishDate = published;
        }

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
