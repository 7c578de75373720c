using System.Diagnostics;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Rendering;
using StaticDossier.Rendering.Data;
using StaticDossier.Analysis;
using StaticDossier.Rendering.Pages;
using StaticDossier.Rendering.Search;

namespace StaticDossier.Benchmarks;

/// <summary><c>breakdown &lt;site.yml&gt;</c>: times each part of rendering (model, related articles, each page
/// kind, data files) with article bodies precomputed, to find where a full build spends its time.</summary>
internal static class BreakdownHarness
{
    public static int Run(string[] args)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(args.Length > 0 ? args[0] : "site.yml", diagnostics)!;
        var clock = Stopwatch.StartNew();
        var pages = new ContentPageReader(config.RootDirectory).ReadAll(config.ContentPath, diagnostics);
        Report("read+parse content", clock, pages.Count);
        if (args.Length > 1 && args[1] == "yaml")
        {
            for (var again = 0; again < (Environment.GetEnvironmentVariable("AGAIN") is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 3); again++)
            {
                var bytes = Directory.GetFiles(config.ContentPath, "*.md").Order(StringComparer.Ordinal).ToDictionary(f => Path.GetFullPath(f), File.ReadAllBytes);
                Report("  read files", clock, bytes.Count);
                var reread = new ContentPageReader(config.RootDirectory) { ReadAlready = f => bytes[f] }.ReadAll(config.ContentPath, diagnostics);
                Report("  parse content again", clock, reread.Count);
            }

            // The front matter alone, one thread: what reading YAML costs a large dossier.
            var yamls = Directory.GetFiles(config.ContentPath, "*.md").Select(f => File.ReadAllText(f).Split("\n---\n")[0][4..] + "\n").ToArray();
            Report("  front matter text", clock, yamls.Length);
            for (var round = 0; round < 3; round++)
            {
                var read = yamls.Count(y => FrontMatterReader.TryRead(y) is not null);
                Report("  front matter read", clock, read);
                var parallelRead = 0;
                Parallel.For(0, yamls.Length, i => { if (FrontMatterReader.TryRead(yamls[i]) is not null) { Interlocked.Increment(ref parallelRead); } });
                Report("  front matter read, all cores", clock, parallelRead);
            }
        }

        var markdown = new MarkdownRenderer();
        var bodies = pages.Select(p => p.MarkdownBody).Distinct().ToArray();
        var rendered = new RenderedMarkdown[bodies.Length];
        Parallel.For(0, bodies.Length, i => rendered[i] = markdown.RenderBody(bodies[i]));
        var html = bodies.Zip(rendered).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);

        Report("markdown html+text", clock, bodies.Length);
        if (args.Length > 1 && args[1] == "markdown")
        {
            // One thread, the first 3,000 bodies: Markdig's parse alone, the content parser (the same tree, the
            // autolink extension skipped where it cannot match), the whole RenderBody (parse, police, HTML, plain
            // text), the SHA-256 cache key.
            var sample = bodies.Take(3000).ToArray();
            for (var round = 0; round < 3; round++)
            {
                foreach (var body in sample)
                {
                    _ = Markdig.Markdown.Parse(body, MarkdownRenderer.ContentPipeline);
                }

                Report("  parse only, one core", clock, sample.Length);
                foreach (var body in sample)
                {
                    _ = ContentParser.Parse(body);
                }

                Report("  content parser, one core", clock, sample.Length);
                foreach (var body in sample)
                {
                    _ = markdown.RenderBody(body);
                }

                Report("  RenderBody, one core", clock, sample.Length);
                foreach (var body in sample)
                {
                    _ = Building.BuildFingerprint.Sha256(body);
                }

                Report("  cache key, one core", clock, sample.Length);
            }
        }

        var keys = new string[pages.Count];
        Parallel.For(0, pages.Count, i => keys[i] = TermMatcher.Key(pages[i].Meta.Title, html[pages[i].MarkdownBody].Text.Value));
        Report("fold keys", clock, keys.Length);
        var people = new TermMatcher(config.People);
        var tags = new TermMatcher(config.Tags);
        var matched = 0L;
        Parallel.For(0, pages.Count, i => Interlocked.Add(ref matched, people.MatchKey(pages[i].Meta.People, keys[i]).Count + tags.MatchKey(pages[i].Meta.Tags, keys[i]).Count));
        Report("people and tags found", clock, (int)matched);
        var similarity = new TextSimilarity(keys, everyTriple: false);
        Report("text similarity index", clock, keys.Length);
        similarity.Candidates(0, 64);
        Report("top terms (first call)", clock, 1);
        var candidates = 0L;
        Parallel.For(0, keys.Length, i => Interlocked.Add(ref candidates, similarity.Candidates(i, 64).Count));
        Report("text candidates", clock, (int)candidates);
        var text = StaticDossier.Rendering.Interface.InterfaceText.Load(config, diagnostics)!;
        var dossier = new DossierModelBuilder(config, text, markdown, b => html[b]).Build(pages, diagnostics);
        Report("model (incl. related)", clock, dossier.Articles.Count);
        var templates = new TemplateRenderer(config.TemplatesPath, config.RelativeToRoot(config.TemplatesPath));
        var renderer = new PageRenderer(config, templates, dossier.Taxonomies, text);
        Report("templates load", clock, 1);
        var context = new OutputContext(config, dossier, renderer, new RawHtml(""), diagnostics, text);
        var home = new HomePage().Render(context).Single();
        Report("home page", clock, 1);
        for (var again = 0; args.Length > 1 && args[1] == "home" && again < 20; again++)
        {
            _ = new HomePage().Render(context).Single();
            Report("home page again", clock, 1);
        }

        if (args.Length > 1 && args[1] == "parts")
        {
            // One thread, each part of an article page over every article, to see what a page costs.
            for (var round = 0; round < 2; round++)
            {
                foreach (var article in dossier.Articles)
                {
                    _ = renderer.NewModel(article.Url);
                }

                Report("  page models", clock, dossier.Articles.Count);
                foreach (var article in dossier.Articles)
                {
                    _ = JsonLdRenderer.Render(article, config);
                }

                Report("  JSON-LD", clock, dossier.Articles.Count);
                foreach (var article in dossier.Articles)
                {
                    var model = renderer.NewModel(article.Url);
                    model.SetValue("article", article, true);
                    model.SetValue("page_description", article.Summary, false);
                    _ = templates.Render("article.sbn", model, article.Url, diagnostics);
                }

                Report("  pages, no head data", clock, dossier.Articles.Count);
            }
        }

        var articles = new ArticlePages().Render(context).OfType<OutputFile>().ToList();
        Report("article pages", clock, articles.Count);
        var indexes = new TaxonomyPages().Render(context).ToList();
        Report("index pages", clock, indexes.Count);
        for (var again = 0; args.Length > 1 && args[1] == "lists" && again < 2; again++)
        {
            // The same list pages with every article's item already rendered: what a page costs beside its items.
            _ = new TaxonomyPages().Render(context).ToList();
            Report("index pages, items cached", clock, indexes.Count);
        }

        if (args.Length > 1 && args[1] == "lists")
        {
            templates.ForgetCachedPartials();
            _ = new ArchivePages().Render(context).ToList();
            Report("archive pages", clock, 1);
        }
        var search = SearchIndexRenderer.Render(dossier).ToList();
        Report("search index", clock, search.Count);
        if (args.Length > 1 && args[1] == "search")
        {
            // What a save in `dossier serve` pays for the search index: the same model again, with the memo warm.
            var memo = new SearchIndex.Memo();
            _ = SearchIndexRenderer.Render(dossier, memo).ToList();
            Report("  search index, memo filled", clock, 1);
            for (var round = 0; round < 3; round++)
            {
                _ = SearchIndex.Build(dossier, memo);
                Report("  index build, memo warm", clock, dossier.Articles.Count);
                var again = SearchIndexRenderer.Render(dossier, memo).ToList();
                Report("  whole render, memo warm", clock, again.Count);
            }

            // What making one common word's entry again costs, its postings and its pairs apart (one core).
            var built = SearchIndex.Build(dossier, memo);
            var common = Enumerable.Range(0, built.Words.Length).OrderByDescending(built.PostingCount).Take(130).ToArray();
            foreach (var t in common)
            {
                _ = built.TermCore(t, out _);
            }

            Report("  130 commonest: entries", clock, common.Length);
            foreach (var t in common)
            {
                _ = PairShards.Pieces(built, t, 24 * 1024, new System.Text.Json.JsonWriterOptions { Encoder = StaticDossier.Rendering.Data.Json.Compact.Encoder });
            }

            Report("  130 commonest: pairs", clock, common.Length);

            // One article's body, then its title, edited as in `serve-edit`, and each put back: the model is made
            // again (outside the clock), the index with the memo.
            var edited = pages.Count / 2;
            var bodyEdit = pages[edited] with { MarkdownBody = pages[edited].MarkdownBody + "\n\nA new paragraph, Editedbody0x12345.\n" };
            html[bodyEdit.MarkdownBody] = markdown.RenderBody(bodyEdit.MarkdownBody);
            var titleEdit = pages[edited] with { Meta = pages[edited].Meta with { Title = pages[edited].Meta.Title + " (edited)" } };
            foreach (var (what, page) in new[] { ("body", bodyEdit), ("title", titleEdit) })
            {
                for (var round = 0; round < 2; round++)
                {
                    var changed = pages.Select((p, i) => i == edited ? page : p).ToList();
                    var model = new DossierModelBuilder(config, text, markdown, b => html[b]).Build(changed, diagnostics);
                    Report($"  ({what} edit: model)", clock, 1);
                    var files = SearchIndexRenderer.Render(model, memo).ToList();
                    Report($"  render after a {what} edit", clock, files.Count);
                    _ = SearchIndexRenderer.Render(dossier, memo).ToList();
                    Report($"  render, {what} put back", clock, files.Count);
                }
            }
        }

        var feed = AtomFeedRenderer.Render(dossier, config);
        Report("atom feed", clock, 1);
        var meta = MetadataExporter.Render(dossier, config.BaseUrl).ToList();
        Report("metadata export", clock, meta.Count);
        var all = new List<OutputFile> { home!, feed };
        all.AddRange(search);
        all.AddRange(articles);
        all.AddRange(indexes.OfType<OutputFile>());
        var sitemap = SitemapRenderer.Render(all.Where(f => f.IsHtml).Select(f => (f.OutputPath, f.LastModified)), config).ToList();
        Report("sitemap", clock, sitemap.Count);
        // The link check runs over the whole site, as a build has it (assets, search and 404 pages too).
        all = [.. new SiteRenderer(config) { BodyRenderer = b => html[b] }.Render(pages, null, diagnostics)!];
        Report("whole site again", clock, all.Count);
        var links = 0;
        for (var run = 0; run < (args.Length > 1 && args[1] == "links" ? 5 : 1); run++)
        {
            links = LinkChecker.Check(all, diagnostics);
            Report("link check", clock, links);
        }

        Console.WriteLine($"sizes: articles {articles.Sum(a => (long)a.Bytes.Length) >> 20} MiB, index pages {indexes.OfType<OutputFile>().Sum(a => (long)a.Bytes.Length) >> 20} MiB, " +
            $"home {home!.Bytes.Length >> 10} KiB, search {search.Sum(f => (long)f.Bytes.Length) >> 20} MiB in {search.Count} files, feed {feed.Bytes.Length >> 20} MiB");
        return diagnostics.HasErrors ? 1 : 0;
    }

    private static TimeSpan _cpu;
    private static long _allocated;
    private static TimeSpan _paused;

    private static void Report(string what, Stopwatch clock, int count)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{what,-28} {clock.ElapsedMilliseconds,7} ms wall {(cpu - _cpu).TotalMilliseconds,7:0} ms CPU {(allocated - _allocated) >> 20,6} MiB allocated {(paused - _paused).TotalMilliseconds,5:0} ms GC pause ({count} items)"));
        _cpu = cpu;
        _allocated = allocated;
        _paused = paused;
        clock.Restart();
    }
}
