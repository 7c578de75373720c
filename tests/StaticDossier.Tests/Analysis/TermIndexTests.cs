using StaticDossier.Analysis;
using StaticDossier.Content;
using StaticDossier.Rendering;

namespace StaticDossier.Tests.Analysis;

/// <summary>The index of shared people and tags patched for the articles whose names changed (a tags save in <c>serve</c>)
/// holds what an index made afresh holds, term by term and pair by pair, and gives the same related lists: after random
/// edits that take a term from many articles or give it to them, take a term's first or last article, bring new terms in
/// and leave terms with no article, give articles so many names that the pairs stop being indexed and start again, and move articles past others (renumbered).</summary>
public sealed class TermIndexTests
{
    [Theory]
    [InlineData(300, 6, 4, 1)]
    [InlineData(400, 40, 20, 2)]
    [InlineData(200, 3, 2, 3)]
    public void APatchedIndexIsTheFreshOne(int count, int tags, int people, int seed)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 300).Select(i => $"w{i}x").ToArray();
        string Word() => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 2))];
        TermLink Term(string kind, int t) => new($"{kind} {t}", $"/{kind}/{t}/");
        TermLink[] Pick(string kind, int of, int most) =>
            [.. Enumerable.Range(0, random.Next(most + 1)).Select(_ => random.Next(of)).Distinct().Select(t => Term(kind, t))];
        var articles = Enumerable.Range(0, count).Select(i => new ArticleView
        {
            Page = new ContentPage($"content/a{i}.md", new FrontMatter { Title = $"a{i}" }, string.Empty, 1),
            Title = $"Report {i}",
            Url = $"/articles/{(i * 7919) % 10007:00000}/",
            Language = "en",
            Body = new Utf8Html(string.Empty),
            Tags = Pick("tag", tags, 4),
            People = Pick("person", people, 3),
        }).ToList();
        var similarity = new TextSimilarity([.. articles.Select(_ => string.Join(' ', Enumerable.Range(0, 40).Select(_ => Word())))], everyTriple: false);
        var labels = new RelatedLabels("same story", "similar text", "people: ", "tags: ", "; ");
        var index = new RelatedArticles.TermIndex(articles);
        var (flips, newTerms, emptied, moves) = (0, 0, 0, 0);
        for (var step = 0; step < 40; step++)
        {
            var changed = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(count)).Distinct().Order().ToList();
            var edit = step % 8;
            if (step is 13 or 14)
            {
                // So many names on sixteen articles that their pairs outweigh the terms' postings (step 13), and back (14).
                changed = [.. Enumerable.Range(0, 16).Select(k => ((k * 11) + 13) % count).Order()];
            }

            foreach (var i in changed)
            {
                var holders = articles.Select((a, k) => (a, k)).Where(x => x.a.Tags.Count > 0).ToList();
                articles[i] = step switch
                {
                    13 => articles[i] with { Tags = [.. Enumerable.Range(0, 64).Select(t => Term("tag", t))] },
                    14 => articles[i] with { Tags = [Term("tag", 0)] },
                    _ => edit switch
                    {
                        // No names at all: the terms it held lose an article (a term's last article, sometimes).
                        0 => articles[i] with { Tags = [], People = [] },
                        // A term no article held yet.
                        1 => articles[i] with { Tags = [Term("tag", 1000 + step)] },
                        // The commonest tag, which many articles hold.
                        2 => articles[i] with { Tags = [Term("tag", 0), .. articles[i].Tags] },
                        // The tags of the first (or last) article holding a tag: it gains a first or last article elsewhere.
                        3 => articles[i] with { Tags = (random.Next(2) == 0 ? holders[0] : holders[^1]).a.Tags },
                        4 => articles[i] with { People = Pick("person", people, 3) },
                        5 => articles[i] with { People = [], Tags = Pick("tag", tags, 4) },
                        // The same names in another order (and a person given twice).
                        6 => articles[i] with { Tags = [.. articles[i].Tags.Reverse()], People = [.. articles[i].People, .. articles[i].People] },
                        _ => articles[i] with { Tags = Pick("tag", tags, 4), People = Pick("person", people, 3) },
                    },
                };
            }

            if (step % 5 == 4)
            {
                // An article moved past others in the timeline (a title or date edit): the articles between shift by one.
                var (at, to) = (random.Next(count), random.Next(count));
                var order = Enumerable.Range(0, count).ToList();
                order.RemoveAt(at);
                order.Insert(to, at);
                articles = [.. order.Select(i => articles[i])];
                index = index.Renumbered([.. order]);
                changed = [.. changed.Select(i => order.IndexOf(i)).Order()];
                moves++;
            }

            var patched = index.Patched(articles, changed);
            var fresh = new RelatedArticles.TermIndex(articles);
            var what = $"step {step}, articles {string.Join(", ", changed)}";
            Same(fresh, patched, what);
            for (var i = 0; i < count; i++)
            {
                Assert.Equal(RelatedArticles.For(articles, i, similarity, fresh, labels), RelatedArticles.For(articles, i, similarity, patched, labels));
            }

            Assert.True(fresh.UrlRank.SequenceEqual(patched.UrlRank), $"URL ranks, {what}");
            flips += (index.Pairs is null) != (patched.Pairs is null) ? 1 : 0;
            newTerms += patched.Ids.Count > index.Ids.Count ? 1 : 0;
            emptied += patched.Ids.Count > fresh.Ids.Count ? 1 : 0;
            index = patched;
        }

        Assert.Equal(2, flips);
        Assert.Equal(8, moves);
        Assert.True(newTerms > 3 && emptied > 0, $"{newTerms} steps brought new terms, {emptied} left terms without articles");
    }

    /// <summary>Every term of <paramref name="fresh"/> has the same weight and articles in <paramref name="patched"/> (by URL),
    /// its other terms have none; every article the same terms; and every pair and every term's URL order the same articles.</summary>
    private static void Same(RelatedArticles.TermIndex fresh, RelatedArticles.TermIndex patched, string what)
    {
        var urlOf = patched.Ids.ToDictionary(kv => kv.Value, kv => kv.Key);
        var freshUrlOf = fresh.Ids.ToDictionary(kv => kv.Value, kv => kv.Key);
        foreach (var (url, id) in fresh.Ids)
        {
            var other = patched.Ids[url];
            Assert.True(fresh.Weights[id] == patched.Weights[other], $"{url}'s weight, {what}");
            Assert.True(fresh.Postings[id].SequenceEqual(patched.Postings[other]), $"{url}'s articles, {what}");
        }

        Assert.All(patched.Ids.Where(kv => !fresh.Ids.ContainsKey(kv.Key)), kv => Assert.Empty(patched.Postings[kv.Value]));
        for (var i = 0; i < fresh.TermsOf.Length; i++)
        {
            var terms = fresh.TermsOf[i];
            Assert.True(terms.Select(t => freshUrlOf[t]).SequenceEqual(patched.TermsOf[i].Select(t => urlOf[t])), $"article {i}'s terms, {what}");
            Assert.Equal(fresh.Pairs is null, patched.Pairs is null);
            if (fresh.Pairs is null || patched.Pairs is null)
            {
                continue;
            }

            for (var a = 0; a < terms.Length; a++)
            {
                Assert.True(fresh.Pairs.InUrlOrder(terms[a]).SequenceEqual(patched.Pairs.InUrlOrder(patched.TermsOf[i][a])), $"term {urlOf[patched.TermsOf[i][a]]} in URL order, {what}");
                for (var b = a + 1; b < terms.Length; b++)
                {
                    Assert.True(
                        fresh.Pairs.ArticlesOf(terms[a], terms[b]).SequenceEqual(patched.Pairs.ArticlesOf(patched.TermsOf[i][a], patched.TermsOf[i][b])),
                        $"pair {urlOf[patched.TermsOf[i][a]]} + {urlOf[patched.TermsOf[i][b]]}, {what}");
                }
            }
        }
    }
}
