using System.Globalization;
using System.Text;

namespace StaticDossier.Benchmarks.Corpus;

/// <summary>Writes a generated corpus as four folders: a StaticDossier site (content/ ready to build), an ingest
/// dossier (seeds/ only), an equivalent Hugo site with a minimal theme of its own layouts, and the same site for
/// Eleventy (Nunjucks templates of its own).</summary>
internal static class CorpusWriter
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary><c>corpus &lt;out-dir&gt; &lt;n&gt;</c></summary>
    public static int Run(string[] args)
    {
        if (args.Length != 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            Console.Error.WriteLine("usage: corpus <out-dir> <n>");
            return 2;
        }

        var root = Path.GetFullPath(args[0]);
        var articles = CorpusGenerator.Articles(n);
        WriteDossier(Path.Combine(root, "dossier"), articles, withContent: true);
        WriteDossier(Path.Combine(root, "ingest"), articles, withContent: false);
        WriteHugo(Path.Combine(root, "hugo"), articles);
        WriteEleventy(Path.Combine(root, "eleventy"), articles);
        Console.WriteLine($"corpus: {n} articles and {n} seeds written under {root}");
        return 0;
    }

    /// <summary>The repository the benchmark runs from or in (templates are copied from it).</summary>
    public static string RepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "StaticDossier.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find StaticDossier.sln above the benchmark's folder or the current folder.");
    }

    public static void WriteDossier(string dir, IReadOnlyList<GeneratedArticle> articles, bool withContent)
    {
        Recreate(dir);
        File.WriteAllText(Path.Combine(dir, "site.yml"), """
            title: "Benchmark dossier"
            description: "A generated corpus for timing StaticDossier."
            base_url: "https://bench.example.org/"
            language: en
            author: "Benchmark"

            """, Utf8);
        CopyFolder(Path.Combine(RepoRoot(), "templates"), Path.Combine(dir, "templates"));
        Directory.CreateDirectory(Path.Combine(dir, "content"));
        Directory.CreateDirectory(Path.Combine(dir, "seeds"));
        Parallel.ForEach(articles, a =>
        {
            if (withContent)
            {
                File.WriteAllText(Path.Combine(dir, "content", a.Slug + ".md"), DossierPage(a), Utf8);
            }
            else
            {
                File.WriteAllText(Path.Combine(dir, "seeds", $"{a.Index:D6}.txt"), CorpusGenerator.RawSeed(a), Utf8);
            }
        });
    }

    public static string DossierPage(GeneratedArticle a) =>
        $"""
        ---
        title: {Quote(a.Title)}
        date: {a.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}
        language: {a.Language}
        source: {Quote(a.Source)}
        tags: [{string.Join(", ", a.Tags)}]
        people: [{string.Join(", ", a.People)}]
        ---

        {a.Body}
        """;

    private static void WriteHugo(string dir, IReadOnlyList<GeneratedArticle> articles)
    {
        Recreate(dir);
        const string site = """
            baseURL = "https://bench.example.org/"
            languageCode = "en"
            title = "Benchmark dossier"
            uglyURLs = true
            enableRobotsTXT = false

            """;
        const string tables = """
            [markup.goldmark.renderer]
              unsafe = false
            [taxonomies]
              tag = "tags"
              person = "people"

            """;
        // The full site the issue asks for: articles, index, tag and person pages, feed, sitemap.
        // (TOML: top-level keys must come before the first table.)
        File.WriteAllText(Path.Combine(dir, "hugo.toml"), site + """
            disableKinds = ["section", "robotsTXT", "404"]

            """ + tables + """
            [outputs]
              home = ["HTML", "RSS"]
              taxonomy = ["HTML"]
              term = ["HTML"]

            """, Utf8);
        // The full site with a related-articles list on every article page, as StaticDossier's article pages have:
        // Hugo's own related content, over the same terms and weights (a shared person counts twice a shared tag),
        // newer articles included as ours are, and Hugo's default threshold. (Our lists also weigh the text.)
        File.WriteAllText(Path.Combine(dir, "hugo-related.toml"), site + """
            disableKinds = ["section", "robotsTXT", "404"]

            """ + tables + """
            [outputs]
              home = ["HTML", "RSS"]
              taxonomy = ["HTML"]
              term = ["HTML"]
            [params]
              related = true
            [related]
              includeNewer = true
              threshold = 80
              toLower = false
            [[related.indices]]
              name = "people"
              weight = 2
            [[related.indices]]
              name = "tags"
              weight = 1

            """, Utf8);
        // Articles and the index only: Hugo's floor on this corpus.
        File.WriteAllText(Path.Combine(dir, "hugo-core.toml"), site + """
            disableKinds = ["section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]

            """ + tables + """
            [outputs]
              home = ["HTML"]

            """, Utf8);
        var layouts = Path.Combine(dir, "layouts", "_default");
        Directory.CreateDirectory(layouts);
        File.WriteAllText(Path.Combine(layouts, "baseof.html"), """
            <!DOCTYPE html>
            <html lang="{{ .Site.LanguageCode }}">
            <head><meta charset="utf-8"><title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ .Site.Title }}</title>
            <link rel="stylesheet" href="{{ "assets/style.css" | relURL }}"></head>
            <body><header class="site-header"><p class="site-title"><a href="{{ "" | relURL }}">{{ .Site.Title }}</a></p></header>
            <main id="main">{{ block "main" . }}{{ end }}</main>
            <footer class="site-footer"><p>Built with Hugo.</p></footer></body></html>

            """, Utf8);
        File.WriteAllText(Path.Combine(layouts, "single.html"), """
            {{ define "main" }}<article lang="{{ .Params.language }}"><header><h1>{{ .Title }}</h1>
            <p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time> · <span class="source">{{ .Params.source }}</span></p>
            <p class="terms">{{ range .GetTerms "tags" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}{{ range .GetTerms "people" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ end }}</p></header>
            <div class="body">{{ .Content }}</div></article>
            {{ if site.Params.related }}{{ with .Site.RegularPages.Related . | first 5 }}<section class="related"><h2>Related articles</h2><ul>
            {{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></li>
            {{ end }}</ul></section>{{ end }}{{ end }}
            <p><a href="{{ "" | relURL }}">← Back to the timeline</a></p>{{ end }}

            """, Utf8);
        File.WriteAllText(Path.Combine(layouts, "list.html"), """
            {{ define "main" }}<h1>{{ .Title }}</h1><ul class="article-list">
            {{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>
            {{ end }}</ul>{{ end }}

            """, Utf8);
        File.WriteAllText(Path.Combine(dir, "layouts", "index.html"), """
            {{ define "main" }}<section class="timeline"><h2>Timeline</h2>
            {{ range (where .Site.RegularPages "Section" "articles").GroupByDate "2006" }}<h3 id="year-{{ .Key }}">{{ .Key }}</h3><ul class="article-list">
            {{ range .Pages }}<li><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time> <a href="{{ .RelPermalink }}" hreflang="{{ .Params.language }}">{{ .Title }}</a> <span class="source">{{ .Params.source }}</span></li>
            {{ end }}</ul>{{ end }}</section>{{ end }}

            """, Utf8);
        Directory.CreateDirectory(Path.Combine(dir, "static", "assets"));
        File.Copy(Path.Combine(RepoRoot(), "templates", "assets", "style.css"), Path.Combine(dir, "static", "assets", "style.css"));
        var content = Path.Combine(dir, "content", "articles");
        Directory.CreateDirectory(content);
        Parallel.ForEach(articles, a => File.WriteAllText(Path.Combine(content, a.Slug + ".md"), DossierPage(a), Utf8));
    }

    /// <summary>The Hugo site again for Eleventy 3 (<c>npm install @11ty/eleventy</c>): article pages, the timeline by
    /// year, a page per tag and per person with their index pages, an RSS feed and a sitemap; Markdown without raw HTML
    /// (Hugo's <c>unsafe = false</c>). Run from the folder: <c>npx @11ty/eleventy --quiet</c>.</summary>
    private static void WriteEleventy(string dir, IReadOnlyList<GeneratedArticle> articles)
    {
        Recreate(dir);
        File.WriteAllText(Path.Combine(dir, "eleventy.config.mjs"), """
            // Tags are Eleventy's own collections; people get the same through a collection of their own.
            function terms(api, key) {
              const byName = new Map();
              for (const page of api.getFilteredByGlob("articles/*.md")) {
                for (const name of page.data[key] || []) {
                  if (!byName.has(name)) byName.set(name, []);
                  byName.get(name).push(page);
                }
              }
              return [...byName.keys()].sort().map(name => ({ name, pages: byName.get(name) }));
            }

            export default function (config) {
              // Eleventy's slugify transliterates, and took a fifth of a 200-article build: each name is slugged once.
              const slugify = config.getFilter("slugify"), slugs = new Map();
              config.addFilter("slug", name => slugs.get(name) ?? slugs.set(name, slugify(name)).get(name));
              config.amendLibrary("md", md => md.set({ html: false }));
              config.addPassthroughCopy("assets");
              config.addCollection("articles", api => api.getFilteredByGlob("articles/*.md").sort((a, b) => a.date - b.date));
              config.addCollection("timeline", api => {
                const years = new Map();
                for (const page of api.getFilteredByGlob("articles/*.md").sort((a, b) => b.date - a.date)) {
                  const year = page.date.getUTCFullYear();
                  if (!years.has(year)) years.set(year, []);
                  years.get(year).push(page);
                }
                return [...years].map(([year, pages]) => ({ year, pages }));
              });
              config.addCollection("tagPages", api => terms(api, "tags"));
              config.addCollection("personPages", api => terms(api, "people"));
              config.addFilter("isoDate", d => d.toISOString().slice(0, 10));
              config.addFilter("longDate", d => d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }));
              config.addFilter("rfcDate", d => d.toUTCString());
              return { dir: { input: ".", includes: "_includes", output: "_site" }, markdownTemplateEngine: false, htmlTemplateEngine: "njk" };
            }

            """, Utf8);
        File.WriteAllText(Path.Combine(dir, "package.json"), "{ \"private\": true, \"type\": \"module\" }\n", Utf8);
        var includes = Path.Combine(dir, "_includes");
        Directory.CreateDirectory(includes);
        File.WriteAllText(Path.Combine(includes, "base.njk"), """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>{% if title %}{{ title }} · {% endif %}Benchmark dossier</title>
            <link rel="stylesheet" href="/assets/style.css"></head>
            <body><header class="site-header"><p class="site-title"><a href="/">Benchmark dossier</a></p></header>
            <main id="main">{{ content | safe }}</main>
            <footer class="site-footer"><p>Built with Eleventy.</p></footer></body></html>

            """, Utf8);
        File.WriteAllText(Path.Combine(includes, "single.njk"), """
            ---
            layout: base.njk
            ---
            <article lang="{{ language }}"><header><h1>{{ title }}</h1>
            <p class="meta"><time datetime="{{ page.date | isoDate }}">{{ page.date | longDate }}</time> · <span class="source">{{ source }}</span></p>
            <p class="terms">{% for t in tags %}<a href="/tags/{{ t | slug }}.html">{{ t }}</a> {% endfor %}{% for p in people %}<a href="/people/{{ p | slug }}.html">{{ p }}</a> {% endfor %}</p></header>
            <div class="body">{{ content | safe }}</div></article>
            <p><a href="/">← Back to the timeline</a></p>

            """, Utf8);
        File.WriteAllText(Path.Combine(dir, "index.njk"), """
            ---
            layout: base.njk
            permalink: index.html
            ---
            <section class="timeline"><h2>Timeline</h2>
            {% for y in collections.timeline %}<h3 id="year-{{ y.year }}">{{ y.year }}</h3><ul class="article-list">
            {% for a in y.pages %}<li><time datetime="{{ a.date | isoDate }}">{{ a.date | longDate }}</time> <a href="{{ a.url }}" hreflang="{{ a.data.language }}">{{ a.data.title }}</a> <span class="source">{{ a.data.source }}</span></li>
            {% endfor %}</ul>{% endfor %}</section>

            """, Utf8);
        foreach (var (key, folder, collection, heading) in new[] { ("tag", "tags", "tagPages", "Tags"), ("person", "people", "personPages", "People") })
        {
            File.WriteAllText(Path.Combine(dir, folder + "-term.njk"), $$$"""
                ---
                layout: base.njk
                pagination:
                  data: collections.{{{collection}}}
                  size: 1
                  alias: {{{key}}}
                permalink: "{{{folder}}}/{{ {{{key}}}.name | slug }}.html"
                eleventyComputed:
                  title: "{{ {{{key}}}.name }}"
                ---
                <h1>{{ {{{key}}}.name }}</h1><ul class="article-list">
                {% for a in {{{key}}}.pages %}<li><a href="{{ a.url }}">{{ a.data.title }}</a></li>
                {% endfor %}</ul>

                """, Utf8);
            File.WriteAllText(Path.Combine(dir, folder + "-index.njk"), $$$"""
                ---
                layout: base.njk
                permalink: "{{{folder}}}/index.html"
                title: {{{heading}}}
                ---
                <h1>{{{heading}}}</h1><ul class="article-list">
                {% for t in collections.{{{collection}}} %}<li><a href="/{{{folder}}}/{{ t.name | slug }}.html">{{ t.name }}</a></li>
                {% endfor %}</ul>

                """, Utf8);
        }

        File.WriteAllText(Path.Combine(dir, "feed.njk"), """
            ---
            permalink: index.xml
            eleventyExcludeFromCollections: true
            ---
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Benchmark dossier</title><link>https://bench.example.org/</link>
            {% for a in collections.articles | reverse %}<item><title>{{ a.data.title }}</title><link>https://bench.example.org{{ a.url }}</link><pubDate>{{ a.date | rfcDate }}</pubDate><guid>https://bench.example.org{{ a.url }}</guid></item>
            {% endfor %}</channel></rss>

            """, Utf8);
        File.WriteAllText(Path.Combine(dir, "sitemap.njk"), """
            ---
            permalink: sitemap.xml
            eleventyExcludeFromCollections: true
            ---
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            {% for p in collections.all %}<url><loc>https://bench.example.org{{ p.url }}</loc></url>
            {% endfor %}</urlset>

            """, Utf8);
        Directory.CreateDirectory(Path.Combine(dir, "assets"));
        File.Copy(Path.Combine(RepoRoot(), "templates", "assets", "style.css"), Path.Combine(dir, "assets", "style.css"));
        var content = Path.Combine(dir, "articles");
        Directory.CreateDirectory(content);
        // A function, not a template string: the Markdown is not run through a template engine (no raw HTML, as Hugo's).
        File.WriteAllText(Path.Combine(content, "articles.11tydata.js"),
            "export default { layout: \"single.njk\", permalink: data => `articles/${data.page.fileSlug}.html` };\n", Utf8);
        Parallel.ForEach(articles, a => File.WriteAllText(Path.Combine(content, a.Slug + ".md"), DossierPage(a), Utf8));
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static void Recreate(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
