using StaticDossier.Analysis;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;
using StaticDossier.Rendering.Search;

namespace StaticDossier.Benchmarks;

/// <summary><c>retained &lt;site.yml&gt;</c>: what each part of a build's model keeps reachable, measured after a full
/// collection as each is made (content pages, bodies rendered, the dossier model with related lists, the search index,
/// the search index's files), in all and per article: where a large dossier's memory goes (issue 24.3).</summary>
internal static class RetainedHarness
{
    public static int Run(string[] args)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(args.Length > 0 ? args[0] : "site.yml", diagnostics)!;
        var start = Reachable();
        var last = start;
        IReadOnlyList<ContentPage>? pages = new ContentPageReader(config.RootDirectory).ReadAll(config.ContentPath, diagnostics);
        var count = pages.Count;
        Report("content pages (front matter, Markdown)", ref last, count);
        var markdown = new MarkdownRenderer();
        RenderedMarkdown[]? rendered = new RenderedMarkdown[pages.Count];
        Parallel.For(0, pages.Count, i => rendered[i] = markdown.RenderBody(pages[i].MarkdownBody));
        Dictionary<string, RenderedMarkdown>? html = new(StringComparer.Ordinal);
        for (var i = 0; i < pages.Count; i++)
        {
            html.TryAdd(pages[i].MarkdownBody, rendered[i]);
        }

        Report("bodies rendered (HTML as UTF-8, text)", ref last, count);
        var text = StaticDossier.Rendering.Interface.InterfaceText.Load(config, diagnostics)!;
        // As a one-off build: the pages are handed over and lose their Markdown as their bodies are rendered; the bodies
        // live on in the model only.
        var handed = pages.ToList();
        pages = null;
        var dossier = new DossierModelBuilder(config, text, markdown, b => html[b]) { DropsMarkdown = true }.Build(handed, diagnostics);
        rendered = null;
        html = null;
        Report("dossier model (views, keys, similarity, related), Markdown let go", ref last, count);
        Parts(dossier);
        var index = SearchIndex.Build(dossier);
        Report("search index (words, postings, pairs)", ref last, count);
        var files = SearchIndexRenderer.Render(dossier).ToList();
        Report($"search index files ({files.Sum(f => (long)f.Bytes.Length) >> 20} MiB of bytes)", ref last, count);
        files = null;
        Report("search index files dropped", ref last, count);
        GC.KeepAlive(index);
        index = null;
        Report("search index dropped", ref last, count);
        handed = null;
        Report("pages dropped (what the model itself holds of them stays)", ref last, count);
        Console.WriteLine($"the model holds {(last - start) >> 20} MiB ({(double)(last - start) / count:F0} bytes an article)");
        GC.KeepAlive(dossier);
        return 0;
    }

    /// <summary>The model's largest fields, as bytes of their arrays and strings (shared strings counted each time).</summary>
    private static void Parts(DossierModel dossier)
    {
        static long Text(string? s) => s is null ? 0 : 22 + 2L * s.Length;
        var a = dossier.Articles;
        var parts = new (string Name, long Bytes)[]
        {
            ("bodies' HTML (UTF-8)", a.Sum(v => 24L + v.Body.Bytes.Length)),
            ("plain text (UTF-8)", a.Sum(v => 24L + v.PlainText.Bytes.Length)),
            ("summaries", a.Sum(v => Text(v.Summary))),
            ("citations", a.Sum(v => Text(v.Citation))),
            ("related lists (links)", a.Sum(v => 32L + v.Related.Count * (8 + 96L) + v.Related.Sum(r => Text(r.Reason)))),
        };
        foreach (var (name, bytes) in parts)
        {
            Console.WriteLine($"  {name,-58} {bytes >> 20,7} MiB {(double)bytes / a.Count,9:F0} bytes an article");
        }
    }

    private static long Reachable() => GC.GetTotalMemory(forceFullCollection: true);

    private static void Report(string what, ref long last, int articles)
    {
        var now = Reachable();
        Console.WriteLine($"{what,-60} {(now - last) >> 20,7} MiB {(double)(now - last) / articles,9:F0} bytes an article; reachable {now >> 20} MiB");
        last = now;
    }
}
