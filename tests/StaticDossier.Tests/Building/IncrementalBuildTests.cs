using System.Text;
using System.Text.RegularExpressions;
using StaticDossier.Building;
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
    // "Energy" and "energy" are two names with one page (its name the first in ordinal order), so one coming or going
    // relinks articles that did not change.
    private static readonly string[] AllTags = ["energy", "diplomacy", "Evacuation of citizens", "trade", "arms", "Energy"];
    private static readonly string[] Words = ["Hanoi", "Moscow", "talks", "oil", "rice", "minister", "visit", "treaty", "Ukraine", "war", "evacuation", "students", "bank", "rouble", "dong", "ship", "port", "Lavrov", "Putin", "grain"];

    // Articles a00, a01, ... drawn in key order, so a seed gives the same dossier.
    private static Dictionary<string, Article> RandomArticles(Random random, int count) =>
        Enumerable.Range(0, count).ToDictionary(i => $"a{i:00}", i => Article.Random(random, i), StringComparer.Ordinal);

    [Fact]
    public void RandomEditsGiveTheFullBuildsBytes()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var random = new Random(24);
        var articles = RandomArticles(random, 16);

        WriteAll(dossier, articles);
        var memo = new RenderMemo();
        var next = articles.Count;
        var kept = 0;
        var edits = new List<string>();
        var previous = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var step = 0; step < 30; step++)
        {
            var edit = step == 0 ? Pick(random, articles).Kind : RandomEdit(random, articles, dossier, step, ref next);
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
        // Its metadata record is as it was, though made anew from its new view: the two data files and the sitemap are
        // the last build's bytes, not joined again (the feed shows the body).
        Assert.Equal(3, memo.JoinedKept);
    }

    /// <summary><c>dossier serve</c>'s builds (memo, files hashed and pages parsed only when their size or time changed,
    /// outputs written in place only when their bytes changed) leave the output folder byte for byte as a full build
    /// without cache leaves its own, after every step of a random sequence of edits; each build reads only the input
    /// files that were saved, and writes and removes exactly the outputs whose bytes changed or that are gone.</summary>
    [Fact]
    public void ServeBuildsLeaveTheFullBuildsFilesReadingAndWritingOnlyWhatChanged()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var random = new Random(2024);
        var articles = RandomArticles(random, 14);

        // Saves carry times long past, each its own: a file saved within the file system's clock tick of being read
        // is read again anyway (LiveBuild.Racy), which would hide whether the others are read.
        var clock = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        void Saved(string path) => File.SetLastWriteTimeUtc(path, clock = clock.AddSeconds(1));
        foreach (var file in Directory.EnumerateFiles(dossier.Root, "*", SearchOption.AllDirectories).Append(dossier.SiteYml))
        {
            Saved(file);
        }

        var live = new LiveBuild();
        var next = articles.Count;
        var edits = new List<string>();
        var previous = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var step = 0; step < 24; step++)
        {
            var edit = step == 0 ? "none" : RandomEdit(random, articles, dossier, step, ref next);
            var saved = WriteAll(dossier, articles, Saved) + (edit is "template" or "site.yml" ? 1 : 0);
            if (edit == "template")
            {
                Saved(dossier.PathOf("templates/article.sbn"));
            }
            else if (edit == "site.yml")
            {
                Saved(dossier.SiteYml);
            }

            edits.Add(edit);
            var context = $"after step {step} ({string.Join(", ", edits)})";
            var config = Dossier.Config(dossier);
            var read = live.FilesRead;
            var diagnostics = new DiagnosticBag();
            var summary = new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(diagnostics);
            Assert.True(summary.Succeeded, string.Join('\n', diagnostics) + context);
            var full = new SiteBuilder(config with { OutputDir = "_full" }).Build(new DiagnosticBag());
            Assert.True(full.Succeeded, context);

            var served = Files(dossier.Site);
            var expected = Files(dossier.PathOf("_full"));
            Assert.Equal(expected.Keys, served.Keys);
            foreach (var (path, bytes) in expected)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(served[path]), $"{path} differs {context}");
            }

            if (step > 0)
            {
                Assert.True(saved == live.FilesRead - read, $"{saved} saved, {live.FilesRead - read} read of {live.FilesRead} {context}");
                Assert.Equal(served.Count(f => !previous.TryGetValue(f.Key, out var old) || !old.AsSpan().SequenceEqual(f.Value)), summary.Written);
                Assert.Equal(previous.Keys.Count(p => !served.ContainsKey(p)), summary.Removed);
            }

            previous = served;
        }
    }

    /// <summary>A tag given in two spellings ("Energy", "energy") has one page, named after the first spelling in ordinal
    /// order: when the only article giving that spelling drops it, the articles that did not change name the tag as the
    /// others spell it, in serve's builds as in a full one.</summary>
    [Fact]
    public void ATagsSpellingGoneRenamesItOnArticlesThatDidNotChange()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var random = new Random(5);
        var articles = Enumerable.Range(0, 4).ToDictionary(i => $"a{i:00}", i => Article.Random(random, i) with { Tags = i == 0 ? ["Energy"] : ["energy"] }, StringComparer.Ordinal);
        WriteAll(dossier, articles);
        var live = new LiveBuild();
        var config = Dossier.Config(dossier);
        Assert.True(new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(new DiagnosticBag()).Succeeded);
        Assert.Contains(">Energy<", File.ReadAllText(Path.Combine(dossier.Site, "articles/a01.html")), StringComparison.Ordinal);

        articles["a00"] = articles["a00"] with { Tags = ["trade"] };
        WriteAll(dossier, articles);
        Assert.True(new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(new DiagnosticBag()).Succeeded);
        Assert.True(new SiteBuilder(config with { OutputDir = "_full" }).Build(new DiagnosticBag()).Succeeded);
        var served = Files(dossier.Site);
        var expected = Files(dossier.PathOf("_full"));
        Assert.Equal(expected.Keys, served.Keys);
        Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(served[file.Key]), $"{file.Key} differs"));
        Assert.Contains(">energy<", File.ReadAllText(Path.Combine(dossier.Site, "articles/a01.html")), StringComparison.Ordinal);
    }

    /// <summary>A save that keeps the file's size, within the clock tick of the last read (so its time may not have
    /// moved either), is still seen: such a file is read again in every build until its time is safely past.</summary>
    [Fact]
    public void ServeSeesARacySaveOfTheSameSize()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal) { ["a00"] = new("First title", "2024-01-01", [], [], "Alpha beta gamma.") };
        WriteAll(dossier, articles);
        var path = dossier.PathOf("content/a00.md");
        var time = File.GetLastWriteTimeUtc(path);
        var live = new LiveBuild();
        var config = Dossier.Config(dossier);
        Assert.True(new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(new DiagnosticBag()).Succeeded);

        articles["a00"] = articles["a00"] with { Title = "Other title" };
        WriteAll(dossier, articles);
        File.SetLastWriteTimeUtc(path, time);
        Assert.True(new SiteBuilder(config) { Cache = BuildCacheMode.Reuse, Memo = live.Memo, Live = live }.Build(new DiagnosticBag()).Succeeded);
        Assert.Contains("Other title", File.ReadAllText(dossier.PathOf("_site/articles/a00.html")), StringComparison.Ordinal);
    }

    private static Dictionary<string, byte[]> Files(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    private static (string Name, Article Article, string Kind) Pick(Random random, Dictionary<string, Article> articles)
    {
        var (name, article) = articles.ElementAt(random.Next(articles.Count));
        return (name, article, "none");
    }

    private static string RandomEdit(Random random, Dictionary<string, Article> articles, TempDossier dossier, int step, ref int next)
    {
        var (name, article, _) = Pick(random, articles);
        return random.Next(9) switch
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
        // In turn: a curated person's spellings (the names found in every article's text; a word of the bodies, so some
        // articles gain or lose the person), the address (every canonical link and feed entry), the author (a value every
        // page shares and no article holds) and the title. The turn is counted in the file itself.
        var yml = File.ReadAllText(dossier.SiteYml);
        var turn = EditCount().Match(yml) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        yml = EditCount().Replace(yml, string.Empty) + $"# settings edit {turn + 1}\n";
        yml = (turn % 4) switch
        {
            0 => LavrovAliases().Replace(yml, $"    aliases: [{Words[step % Words.Length]}, Sergei Lavrov,", 1),
            1 => BaseUrlLine().Replace(yml, $"base_url: \"https://dossier.example.org/edition-{step}/\"", 1),
            2 => AuthorLine().Replace(yml, $"author: \"Curators, edition {step}\"", 1),
            _ => TitleLine().Replace(yml, $"title: \"Dossier, edition {step}\"", 1),
        };
        File.WriteAllText(dossier.SiteYml, yml);
        return "site.yml";
    }

    private static string[] Toggle(string[] names, string name) => names.Contains(name) ? [.. names.Where(n => n != name)] : [.. names, name];

    /// <summary>Writes the articles whose file differs; returns how many were written.</summary>
    private static int WriteAll(TempDossier dossier, Dictionary<string, Article> articles, Action<string>? saved = null)
    {
        var written = 0;
        foreach (var (name, article) in articles)
        {
            var path = dossier.PathOf($"content/{name}.md");
            var text = article.ToMarkdown();
            if (!File.Exists(path) || File.ReadAllText(path) != text)
            {
                dossier.Write($"content/{name}.md", text);
                saved?.Invoke(path);
                written++;
            }
        }

        return written;
    }

    [GeneratedRegex("^title: .*$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    [GeneratedRegex("^author: .*$", RegexOptions.Multiline)]
    private static partial Regex AuthorLine();

    [GeneratedRegex(@"^# settings edit (\d+)\n", RegexOptions.Multiline)]
    private static partial Regex EditCount();

    [GeneratedRegex("^base_url: .*$", RegexOptions.Multiline)]
    private static partial Regex BaseUrlLine();

    [GeneratedRegex(@"^    aliases: \[(?:\w+, )?Sergei Lavrov,", RegexOptions.Multiline)]
    private static partial Regex LavrovAliases();

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
