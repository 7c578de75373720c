using System.Diagnostics;
using AngleSharp;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;

namespace StaticDossier.Benchmarks;

/// <summary><c>sanitizer &lt;site.yml&gt;</c>: compares the sanitiser as configured with one whose parser is reused.</summary>
internal static class SanitizerProbe
{
    public static int Run(string[] args)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(args.Length > 0 ? args[0] : "site.yml", diagnostics)!;
        var pages = new ContentPageReader(config.RootDirectory).ReadAll(config.ContentPath, diagnostics);
        var html = pages.Select(p => Markdig.Markdown.ToHtml(p.MarkdownBody)).ToArray();
        var plain = Create();
        var reused = Create();
        var cssConfig = Configuration.Default.WithCss();
        var local = new ThreadLocal<HtmlParser>(() => new HtmlParser(new HtmlParserOptions(), BrowsingContext.New(cssConfig)));
        reused.HtmlParserFactory = () => local.Value!;
        for (var round = 0; round < 2; round++)
        {
            var a = new string[html.Length];
            var b = new string[html.Length];
            var clock = Stopwatch.StartNew();
            Parallel.For(0, html.Length, i => a[i] = plain.Sanitize(html[i]));
            var t1 = clock.ElapsedMilliseconds;
            clock.Restart();
            Parallel.For(0, html.Length, i => b[i] = reused.Sanitize(html[i]));
            var t2 = clock.ElapsedMilliseconds;
            Console.WriteLine($"default {t1} ms, reused parser {t2} ms, identical: {a.SequenceEqual(b)}");
        }

        return 0;
    }

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        return sanitizer;
    }
}
