using System.Text;
using System.Xml;
using StaticDossier.Config;

namespace StaticDossier.Rendering.Data;

/// <summary><c>sitemap.xml</c> (sitemaps.org 0.9) listing every page but the 404 page, each with its <c>lastmod</c> when
/// the dossier knows it (an article's date, the newest article a list shows); and <c>robots.txt</c> pointing to it,
/// written only when the site is published at a host's root: crawlers read <c>/robots.txt</c> and nothing under a
/// sub-path, so a site published at <c>https://host/dossier/</c> adds the <c>Sitemap:</c> line to the host's own file.</summary>
internal sealed class SitemapRenderer : ISiteOutput
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public bool ListsSite => true;

    public IEnumerable<OutputFile?> Render(OutputContext context)
    {
        var pages = context.Rendered.Where(f => f.IsHtml).Select(f => (f.OutputPath, f.LastModified)).ToList();
        if (context.Memo is not { } memo)
        {
            return Render(pages, context.Config);
        }

        // The same pages with the same dates at the same address: the same sitemap.
        object?[] parts = [context.Config.BaseUrl, .. pages.SelectMany(p => new object?[] { p.OutputPath, p.LastModified })];
        return [new OutputFile(SitePaths.Sitemap, memo.Joined(SitePaths.Sitemap, parts, () => memo.Sitemap.Make(Listed(pages), context.Config.BaseUrl, listed => Sitemap(listed, context.Config)))), .. Robots(context.Config)];
    }

    /// <summary>The pages a sitemap lists, in the order it lists them.</summary>
    private static List<(string Path, string? LastModified)> Listed(IEnumerable<(string Path, string? LastModified)> pages) =>
        [.. pages.Where(p => p.Path != SitePaths.NotFound).OrderBy(p => p.Path, StringComparer.Ordinal)];

    internal static IEnumerable<OutputFile> Render(IEnumerable<(string Path, string? LastModified)> pages, SiteConfig config) =>
        [new OutputFile(SitePaths.Sitemap, Sitemap(pages, config)), .. Robots(config)];

    private static byte[] Sitemap(IEnumerable<(string Path, string? LastModified)> pages, SiteConfig config)
    {
        using var stream = new ExportStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", Namespace);
            foreach (var (path, lastModified) in Listed(pages))
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, SiteUrls.Absolute(config.BaseUrl, path));
                if (lastModified is not null)
                {
                    writer.WriteElementString("lastmod", Namespace, lastModified);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static IEnumerable<OutputFile> Robots(SiteConfig config)
    {
        if (AtHostRoot(config.BaseUrl))
        {
            var robots = $"User-agent: *\nAllow: /\n\nSitemap: {SiteUrls.Absolute(config.BaseUrl, SitePaths.Sitemap)}\n";
            yield return new OutputFile(SitePaths.Robots, new UTF8Encoding(false).GetBytes(robots));
        }
    }

    /// <summary>True when <paramref name="baseUrl"/> is a host's root (<c>https://host/</c>), where crawlers look for robots.txt.</summary>
    internal static bool AtHostRoot(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.AbsolutePath is "/" or "";
}
