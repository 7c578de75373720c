using System.Diagnostics;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;
using StaticDossier.Analysis;

namespace StaticDossier.Benchmarks;

/// <summary><c>related-recall &lt;site.yml&gt; [samples]</c>: how many of the related articles a large dossier
/// finds through candidates (see <see cref="TextSimilarity.Candidates"/>) are the ones an exact comparison with
/// every other article would choose. Scores a fixed, evenly spread sample of articles against all others.</summary>
internal static class RelatedRecallHarness
{
    public static int Run(string[] args)
    {
        var diagnostics = new DiagnosticBag();
        var config = SiteConfigLoader.Load(args.Length > 0 ? args[0] : "site.yml", diagnostics)!;
        var samples = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
        var pages = new ContentPageReader(config.RootDirectory).ReadAll(config.ContentPath, diagnostics);
        var clock = Stopwatch.StartNew();
        var dossier = new DossierModelBuilder(config, StaticDossier.Rendering.Interface.InterfaceText.Load(config, diagnostics)!, new MarkdownRenderer()).Build(pages, diagnostics);
        Console.WriteLine($"model with related articles: {clock.ElapsedMilliseconds} ms for {dossier.Articles.Count} articles");
        var articles = dossier.Articles.ToList();
        var keys = articles.Select(a => TermMatcher.Key(a.Title + "\n" + a.PlainText.Value)).ToArray();
        var similarity = new TextSimilarity(keys, everyTriple: false);
        var urlRank = new RelatedArticles.TermIndex(articles).UrlRank;
        var step = Math.Max(1, articles.Count / samples);
        int expected = 0, found = 0, sameStory = 0, sameStoryFound = 0, similar = 0, similarFound = 0;
        var everyone = Enumerable.Range(0, articles.Count).ToArray();
        for (var i = 0; i < articles.Count; i += step)
        {
            var scores = similarity.Compare(i, everyone);
            var exact = new List<(double Score, int Index, double Shared, double Cosine)>();
            for (var j = 0; j < articles.Count; j++)
            {
                if (j == i)
                {
                    continue;
                }

                var terms = (2 * articles[i].People.Intersect(articles[j].People).Count()) + articles[i].Tags.Intersect(articles[j].Tags).Count();
                var (cosine, shared) = scores[j];
                if (RelatedArticles.Score(cosine, shared, terms) is { } score)
                {
                    exact.Add((score, j, shared, cosine));
                }
            }

            var best = exact.OrderByDescending(x => x.Score).ThenBy(x => urlRank[x.Index]).Take(RelatedArticles.MaxRelated).ToList();
            var approx = articles[i].Related.Select(r => r.Url).ToHashSet(StringComparer.Ordinal);
            foreach (var b in best)
            {
                var hit = approx.Contains(articles[b.Index].Url);
                expected++;
                found += hit ? 1 : 0;
                if (b.Shared >= RelatedArticles.NearDuplicate)
                {
                    sameStory++;
                    sameStoryFound += hit ? 1 : 0;
                }
                else if (b.Cosine >= RelatedArticles.Similar)
                {
                    similar++;
                    similarFound += hit ? 1 : 0;
                }
            }
        }

        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"recall of the exact top {RelatedArticles.MaxRelated}: {found}/{expected} = {(double)found / Math.Max(1, expected):0.000}; " +
            $"same story {sameStoryFound}/{sameStory}; similar text {similarFound}/{similar}"));
        return 0;
    }
}
