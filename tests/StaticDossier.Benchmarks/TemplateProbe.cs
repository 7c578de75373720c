using System.Diagnostics;
using Scriban.Runtime;
using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;

namespace StaticDossier.Benchmarks;

/// <summary><c>templates &lt;site.yml&gt;</c>: times 10,000 renders of the article template, to size Scriban's share.</summary>
internal static class TemplateProbe
{
    public static int Run(string[] args)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(args.Length > 0 ? args[0] : "site.yml", diagnostics)!;
        var templates = new TemplateRenderer(config.TemplatesPath, "templates");
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            Parallel.For(0, 10_000, i =>
            {
                var model = new ScriptObject();
                model.SetValue("site", new { config.Title, config.Language, config.BaseUrl, config.Author }, true);
                model.SetValue("root", "../", true);
                model.SetValue("output_path", "articles/x.html", true);
                model.SetValue("article", new ArticleView
                {
                    Page = null!, Title = "T" + i, Url = "articles/x.html", Language = "en", Body = new Utf8Html("<p>body</p>"),
                }, true);
                templates.Render("article.sbn", model, "articles/x.html", diagnostics);
            });
            Console.WriteLine($"10000 article renders: {clock.ElapsedMilliseconds} ms wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU; errors: {diagnostics.HasErrors}");
        }

        return 0;
    }
}
