using System.Text;
using System.Xml;
using StaticDossier.Config;

namespace StaticDossier.Rendering.Data;

/// <summary><c>sitemap.xml</c> (sitemaps.org 0.9) listing every page but the 404 page, and <c>robots.txt</c> pointing to it.</summary>
internal sealed class SitemapRenderer : ISiteOutput
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public bool ListsSite => true;

    public IEnumerable<OutputFile?> Render(OutputContext context) =>
        Render(context.Rendered.Where(f => f.IsHtml).Select(f => f.OutputPath), context.Config);

    internal static IEnumerable<OutputFile> Render(IEnumerable<string> pagePaths, SiteConfig config)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("urlset", Namespace);
            foreach (var path in pagePaths.Where(p => p != SitePaths.NotFound).Order(StringComparer.Ordinal))
            {
                writer.WriteStartElement("url", Namespace);
                writer.WriteElementString("loc", Namespace, SiteUrls.Absolute(config.BaseUrl, path));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        yield return new OutputFile(SitePaths.Sitemap, stream.ToArray());
        var robots = $"User-agent: *\nAllow: /\n\nSitemap: {SiteUrls.Absolute(config.BaseUrl, SitePaths.Sitemap)}\n";
        yield return new OutputFile(SitePaths.Robots, new UTF8Encoding(false).GetBytes(robots));
    }
}
