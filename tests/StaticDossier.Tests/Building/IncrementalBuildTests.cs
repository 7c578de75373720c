using System.Text;
using System.Text.RegularExpressions;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering.Incremental;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Building;

/// <summary>A builder that keeps a <see cref="RenderMemo"/> between builds (as <c>serve</c> does) re-renders only the pages
/// whose inputs changed, and its site is byte for byte what a builder without one makes of the same input, after every
/// step of a random sequence of edits.</summary>
public sealed partial class IncrementalBuildTests
{
    private static readonly string[] AllPeople = ["Sergey Lavrov", "Vladimir Putin", "Phạm Bình Minh", "Ana Ivanova", "Lê Văn B"];
    private static readonly string[] AllTags = ["energy", "diplomacy", "Evacuation of citizens", "trade", "arms"];
    private static readonly string[] Words = ["Hanoi", "Moscow", "talks", "oil", "rice", "minister", "visit", "treaty", "Ukraine", "war", "evacuation", "students", "bank", "rouble", "dong", "ship", "port", "Lavrov", "Putin", "grain"];

    [Fact]
    public void RandomEditsGiveTheFullBuildsBytes()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var random = new Random(24);
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal);
        for (var i = 0; i < 16; i++)
        {
            articles[$"a{i:00}"] = Article.Random(random, i);
        }

        WriteAll(dossier, articles);
        var memo = new RenderMemo();
        var next = articles.Count;
        var kept = 0;
        var edits = new List<string>();
        var previous = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var step = 0; step < 30; step++)
        {
            var (name, article) = articles.ElementAt(random.Next(articles.Count));
            var edit = step == 0 ? "none" : random.Next(9) switch
            {
                0 => Edit(articles, name, article with { Body = Article.Text(random, 30) }, "body"),
                1 => Edit(articles, name, article with { Title = Article.Text(random, 4) }, "title"),
                2 => Edit(articles, name, article with { Date = random.Next(4) == 0 ? null : $"20{random.Next(20, 25)}-0{random.Next(1, 10)}-1{random.Next(10)}" }, "date"),
                3 => Edit(articles, name, article with { Tags = Toggle(article.Tags, AllTags[random.Next(AllTags.Length)]) }, "tag"),
                4 => Edit(articles, name, article with { People = Toggle(article.People, AllPeople[random.Next(AllPeople.Length)]) }, "person"),
                5 => Edit(articles, $"a{next++:00}", Article.Random(random, next), "add"),
                6 when articles.Count > 3 => Delete(articles, name, dossier),
                7 => Template(dossier, step),
                _ => Settings(dossier, step),
            };
            edits.Add(edit);
            WriteAll(dossier, articles);

            var config = Dossier.Config(dossier);
            var incremental = new SiteBuilder(config) { Memo = memo }.Render(new DiagnosticBag());
            var full = new SiteBuilder(config).Render(new DiagnosticBag());
            Assert.NotNull(incremental);
            Assert.NotNull(full);
            var context = $"after step {step} ({string.Join(", ", edits)})";
            Assert.True(full.Select(f => f.OutputPath).SequenceEqual(incremental.Select(f => f.OutputPath)), context);
            for (var i = 0; i < full.Count; i++)
            {
                Assert.True(full[i].Bytes.AsSpan().SequenceEqual(incremental[i].Bytes), $"{full[i].OutputPath} differs {context}");
            }

            // A page rendered again should be one whose bytes changed. A body edit changes more than one page here: lists show
            // its summary, its words can name people, and the text similarity of every article shifts with it. The exception
            // is the taxonomy overviews: each holds the navigation's taxonomies, whose term counts its own page reads.
            var now = incremental.ToDictionary(f => f.OutputPath, f => f.Bytes, StringComparer.Ordinal);
            var unchanged = memo.RenderedPaths.Where(p => previous.TryGetValue(p, out var old) && old.AsSpan().SequenceEqual(now[p])).ToList();
            if (edit is not ("template" or "none"))
            {
                Assert.True(unchanged.Count <= 4, $"rendered again with the same bytes: {string.Join(' ', unchanged)} {context}");
            }

            if (edit is "body" or "person" or "tag" or "title" or "date")
            {
                Assert.True(memo.Reused > 0, $"{memo.Reused} kept, {memo.Rendered} rendered {context}");
            }

            previous = now;

            kept += memo.Reused;
        }

        Assert.True(kept > 0);
    }

    [Fact]
    public void BodyEditRendersOnlyTheArticleAndPagesThatShowIt()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var random = new Random(7);
        var articles = Enumerable.Range(0, 12).ToDictionary(i => $"a{i:00}", i => Article.Random(random, i) with { Body = $"Zq{i}x wv{i}y.", Summary = $"Summary {i}." }, StringComparer.Ordinal);
        WriteAll(dossier, articles);
        var memo = new RenderMemo();
        var config = Dossier.Config(dossier);
        Assert.NotNull(new SiteBuilder(config) { Memo = memo }.Render(new DiagnosticBag()));
        var pages = memo.Rendered;

        articles["a03"] = articles["a03"] with { Body = "Qqzz kkyy." };
        WriteAll(dossier, articles);
        Assert.NotNull(new SiteBuilder(config) { Memo = memo }.Render(new DiagnosticBag()));

        // The article's page alone: its summary is set in its front matter, its words are its own (so no related list
        // moves), and its reading time and links did not change.
        Assert.Equal(["articles/a03.html"], memo.RenderedPaths);
        Assert.Equal(pages - 1, memo.Reused);
    }

    private static string Edit(Dictionary<string, Article> articles, string name, Article article, string kind)
    {
        articles[name] = article;
        return kind;
    }

    private static string Delete(Dictionary<string, Article> articles, string name, TempDossier dossier)
    {
        articles.Remove(name);
        File.Delete(dossier.PathOf($"content/{name}.md"));
        return "delete";
    }

    private static string Template(TempDossier dossier, int step)
    {
        File.AppendAllText(dossier.PathOf("templates/article.sbn"), $"\n<p class=\"edit\">edit {step}</p>\n");
        return "template";
    }

    private static string Settings(TempDossier dossier, int step)
    {
        var yml = File.ReadAllText(dossier.SiteYml);
        File.WriteAllText(dossier.SiteYml, TitleLine().Replace(yml, $"title: \"Dossier, edition {step}\"", 1));
        return "site.yml";
    }

    private static string[] Toggle(string[] names, string name) => names.Contains(name) ? [.. names.Where(n => n != name)] : [.. names, name];

    private static void WriteAll(TempDossier dossier, Dictionary<string, Article> articles)
    {
        foreach (var (name, article) in articles)
        {
            var path = dossier.PathOf($"content/{name}.md");
            var text = article.ToMarkdown();
            if (!File.Exists(path) || File.ReadAllText(path) != text)
            {
                dossier.Write($"content/{name}.md", text);
            }
        }
    }

    [GeneratedRegex("^title: .*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    private sealed record Article(string Title, string? Date, string[] Tags, string[] People, string Body, string? Summary = null)
    {
        public static Article Random(Random random, int i) => new(
            $"Report {i}: " + Text(random, 3),
            random.Next(6) == 0 ? null : $"20{random.Next(20, 25)}-0{random.Next(1, 10)}-1{random.Next(10)}",
            [.. AllTags.Where(_ => random.Next(3) == 0)],
            [.. AllPeople.Where(_ => random.Next(3) == 0)],
            Text(random, 40));

        public static string Text(Random random, int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[random.Next(Words.Length)])) + ".";

        public string ToMarkdown()
        {
            var text = new StringBuilder("---\n");
            text.Append("title: \"").Append(Title).Append("\"\n");
            if (Date is not null)
            {
                text.Append("date: ").Append(Date).Append('\n');
            }

            text.Append("language: en\nsource: \"Example News\"\n");
            if (Summary is not null)
            {
                text.Append("summary: \"").Append(Summary).Append("\"\n");
            }

            text.Append("tags: [").Append(string.Join(", ", Tags.Select(t => $"\"{t}\""))).Append("]\n");
            text.Append("people: [").Append(string.Join(", ", People.Select(p => $"\"{p}\""))).Append("]\n");
            text.Append("---\n\n").Append(Body).Append("\n\n").Append(Body).Append('\n');
            return text.ToString();
        }
    }
}
