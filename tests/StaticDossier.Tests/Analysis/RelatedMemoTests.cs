using StaticDossier.Analysis;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;
using StaticDossier.Rendering.Interface;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Analysis;

/// <summary>A model builder that keeps its related lists between builds (<see cref="RelatedMemo"/>, as <c>serve</c> does)
/// makes again only the lists a change can reach, and every list is the one a fresh builder makes, after every step of a
/// random sequence of edits, on the candidate search of a large dossier (reached here at 240 articles).</summary>
public sealed class RelatedMemoTests
{
    private static readonly string[] Tags = ["energy", "diplomacy", "trade", "arms", "rice", "students", "shipping", "banks"];
    private static readonly string[] People = ["Ana Ivanova", "Lê Văn B", "Pavel Orlov", "Trần Thị C", "Igor Sokolov"];

    /// <summary>With the candidate search's own limits (at 240 articles every heavy word is walked and most sampled
    /// triples are rare), and with limits low enough that words fall beyond the walk's budget and triples cross the
    /// count where they stop being rare as bodies gain and lose them; and with the weights reading document frequencies
    /// so coarsely (two or three leading binary digits) that edits of common words move them across a step or within one.</summary>
    [Theory]
    [InlineData(1024, 50, 240, FrequencySteps.DefaultBits)]
    [InlineData(40, 4, 241, FrequencySteps.DefaultBits)]
    [InlineData(90, 8, 242, FrequencySteps.DefaultBits)]
    [InlineData(1024, 50, 243, 2)]
    [InlineData(90, 8, 244, 3)]
    public void RandomEditsGiveTheListsOfAFreshBuilder(int postingBudget, int rareTriple, int seed, int frequencyBits)
    {
        var limits = new TextSimilarity.Limits(postingBudget, rareTriple, frequencyBits);
        using var dossier = new TempDossier(withSeeds: false);
        var config = Dossier.Config(dossier);
        var diagnostics = new DiagnosticBag();
        var text = InterfaceText.Load(config, diagnostics)!;
        var markdown = new MarkdownRenderer();
        var random = new Random(seed);
        // A vocabulary whose words are used unevenly (the first ones in most bodies, the last in a few), and sentences
        // shared by a few bodies, so related lists come from rare words, shared triples and shared tags alike.
        var vocabulary = Enumerable.Range(0, 1500).Select(i => $"w{i}x").ToArray();
        string Word() => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 2.5))];
        string Sentence(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Word())) + ".";
        var shared = Enumerable.Range(0, 30).Select(_ => Sentence(14)).ToArray();
        // And sentences of the commonest words (beyond the walk's budget at low limits) that about six bodies share, so
        // bodies meet through rare triples alone and edits carry triples across the count where they stop being rare.
        var few = Enumerable.Range(0, 40).Select(_ => string.Join(' ', Enumerable.Range(0, 14).Select(_ => vocabulary[random.Next(12)])) + ".").ToArray();
        string Filler() => random.Next(4) == 0 ? few[random.Next(few.Length)] : Sentence(12);
        var pages = Enumerable.Range(0, 240).Select(i => new ContentPage(
            $"content/a{i:000}.md",
            new FrontMatter
            {
                Title = $"Report {i} {Word()}",
                Date = new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Tags = [.. Tags.Where(_ => random.Next(4) == 0)],
                People = [.. People.Where(_ => random.Next(6) == 0)],
            },
            string.Join(' ', Enumerable.Range(0, 6).Select(_ => random.Next(3) == 0 ? shared[random.Next(shared.Length)] : Filler())),
            5)).ToList();

        var memo = new ModelMemo();
        var (made, edits) = (0, new List<string>());
        var (madeWithoutText, movedMade) = (0, 0);
        for (var step = 0; step < 36; step++)
        {
            if (step > 0)
            {
                var i = random.Next(pages.Count);
                var page = pages[i];
                var edit = (step % 12) switch
                {
                    11 => "body and tags",
                    10 => "body: a sentence a few share",
                    9 => "date: moved past others",
                    0 => "body: a word of its own",
                    1 => "body: common words",
                    2 => "body: a shared sentence",
                    3 => "title",
                    4 => "tags",
                    5 => "people",
                    6 => "summary",
                    7 => "body: a sentence removed",
                    _ => "body: a rare word",
                };
                edits.Add($"{page.Path} {edit}");
                pages[i] = edit switch
                {
                    "body: a word of its own" => page with { MarkdownBody = page.MarkdownBody + $" Zq{step}word." },
                    "body: common words" => page with { MarkdownBody = page.MarkdownBody + " " + Sentence(10) },
                    "body: a shared sentence" => page with { MarkdownBody = page.MarkdownBody + " " + shared[random.Next(shared.Length)] },
                    "body: a sentence a few share" => page with { MarkdownBody = page.MarkdownBody + " " + few[random.Next(few.Length)] },
                    "title" => page with { Meta = page.Meta with { Title = $"Report {step} {Word()} {Word()}" } },
                    "tags" => page with { Meta = page.Meta with { Tags = [Tags[random.Next(Tags.Length)]] } },
                    "body and tags" => page with { MarkdownBody = page.MarkdownBody + " " + Sentence(8), Meta = page.Meta with { Tags = [Tags[random.Next(Tags.Length)]] } },
                    "people" => page with { Meta = page.Meta with { People = [People[random.Next(People.Length)]] } },
                    "summary" => page with { Meta = page.Meta with { Summary = $"Summary {step}." } },
                    // Another article's day: the titles then decide which comes first.
                    "date: moved past others" => page with { Meta = page.Meta with { Date = pages[(i + 1 + random.Next(8)) % pages.Count].Meta.Date } },
                    "body: a sentence removed" => page with { MarkdownBody = page.MarkdownBody[(page.MarkdownBody.IndexOf('.', StringComparison.Ordinal) + 1)..] },
                    _ => page with { MarkdownBody = page.MarkdownBody + $" {vocabulary[vocabulary.Length - 1 - random.Next(20)]}." },
                };
            }

            var kept = new DossierModelBuilder(config, text, markdown) { Memo = memo, ExactUpTo = 0, SimilarityLimits = limits }.Build(pages, diagnostics);
            var fresh = new DossierModelBuilder(config, text, markdown) { ExactUpTo = 0, SimilarityLimits = limits }.Build(pages, diagnostics);
            Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
            for (var a = 0; a < fresh.Articles.Count; a++)
            {
                Assert.Equal(fresh.Articles[a].Url, kept.Articles[a].Url);
                Assert.True(
                    fresh.Articles[a].Related.SequenceEqual(kept.Articles[a].Related),
                    $"{fresh.Articles[a].Url}: [{Show(kept.Articles[a].Related)}], fresh [{Show(fresh.Articles[a].Related)}] after step {step} ({string.Join("; ", edits)})");
            }

            ModelAssert.Same(fresh, kept, $"after step {step} ({string.Join("; ", edits)})");
            Assert.Contains(fresh.Articles, a => a.Related.Count > 0);
            if (step > 0)
            {
                made += memo.Related.Made;
                madeWithoutText += edits[^1].EndsWith("tags", StringComparison.Ordinal) || edits[^1].EndsWith("people", StringComparison.Ordinal)
                    || edits[^1].EndsWith("summary", StringComparison.Ordinal) ? memo.Related.Made : 0;
                movedMade += edits[^1].EndsWith("others", StringComparison.Ordinal) ? memo.Related.Made : 0;
                edits[^1] += $" ({memo.Related.Made} made)";
            }
        }

        // An edit of people, tags or summary reaches the lists sharing a name with the article or naming it, not all 240
        // (a text edit on so small a vocabulary often reaches most).
        Assert.True(madeWithoutText < 10 * 240 / 2, $"{madeWithoutText} lists made in 9 edits of names; all edits: {made}: {string.Join("; ", edits)}");
        // An article moved in the timeline reaches the lists meeting it, not all 240.
        Assert.True(movedMade < 3 * 240, $"{movedMade} lists made in 3 moves; all edits: {string.Join("; ", edits)}");
    }

    /// <summary>A body gaining a word that 200 of 240 bodies hold moves its frequency within a step of the weights'
    /// rounding (<see cref="FrequencySteps"/>: 200 and 201 both read as 200), so no other body is weighed again and the save
    /// makes a few lists, each a fresh builder's; with the IDF read from the exact frequency it made all 240 (200 bodies
    /// reweighed). Then a word crossing a step (127 bodies to 128) reweighs its 128 holders: their weights drift by a little,
    /// and only the lists whose margins that can cross are made again (it made all 240), each still a fresh builder's.</summary>
    [Fact]
    public void ACommonWordMovingWithinOrAcrossItsStepRemakesFewLists()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var config = Dossier.Config(dossier);
        var diagnostics = new DiagnosticBag();
        var text = InterfaceText.Load(config, diagnostics)!;
        var markdown = new MarkdownRenderer();
        var random = new Random(7);
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => $"v{(int)(3000 * Math.Pow(random.NextDouble(), 1.5))}x"));
        var pages = Enumerable.Range(0, 240).Select(i => new ContentPage(
            $"content/c{i:000}.md",
            new FrontMatter { Title = $"Dispatch {i}", Date = new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            $"{Words(30)}{(i < 200 ? " plentiful" : string.Empty)}{(i < 127 ? " halfway" : string.Empty)} {Words(30)}.",
            5)).ToList();
        var memo = new ModelMemo();
        _ = new DossierModelBuilder(config, text, markdown) { Memo = memo, ExactUpTo = 0 }.Build(pages, diagnostics);

        var made = new List<int>();
        foreach (var word in new[] { "plentiful", "halfway" })
        {
            pages[230] = pages[230] with { MarkdownBody = pages[230].MarkdownBody + $" And {word}." };
            var kept = new DossierModelBuilder(config, text, markdown) { Memo = memo, ExactUpTo = 0 }.Build(pages, diagnostics);
            var fresh = new DossierModelBuilder(config, text, markdown) { ExactUpTo = 0 }.Build(pages, diagnostics);
            Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
            for (var a = 0; a < fresh.Articles.Count; a++)
            {
                Assert.True(fresh.Articles[a].Related.SequenceEqual(kept.Articles[a].Related), $"{word}: {fresh.Articles[a].Url}: [{Show(kept.Articles[a].Related)}], fresh [{Show(fresh.Articles[a].Related)}]");
            }

            made.Add(memo.Related.Made);
        }

        Assert.True(made[0] < 240 / 4, $"{made[0]} lists made by a word moving within its step");
        Assert.True(made[1] < 240 / 4, $"{made[1]} lists made by a word crossing a step");
    }

    /// <summary>Three reports share a long passage, and find each other through its sampled triples alone (no word is walked
    /// under a budget of zero postings) while at most three bodies hold a triple. A fourth, holding the same words in
    /// another order, gaining the passage makes every
    /// triple of it too common to lead anywhere: the three lists lose each other although none of the three changed; and
    /// they find each other again when the fourth loses it.</summary>
    [Fact]
    public void ATripleNoLongerRareMovesEverySearchHoldingIt()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var config = Dossier.Config(dossier);
        var diagnostics = new DiagnosticBag();
        var text = InterfaceText.Load(config, diagnostics)!;
        var markdown = new MarkdownRenderer();
        var limits = new TextSimilarity.Limits(0, 3);
        var random = new Random(11);
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => $"u{random.Next(5000)}x"));
        var passage = Words(300);
        // The fourth holds the passage's words from the start, in another order: gaining the passage moves no word's
        // frequency (no body is reweighed), only its triples'.
        var shuffled = string.Join(' ', passage.Split(' ').OrderBy(_ => random.Next()));
        var pages = Enumerable.Range(0, 40).Select(i => new ContentPage(
            $"content/p{i:00}.md",
            new FrontMatter { Title = $"Bulletin {i}", Date = new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            $"{Words(60)}. {(i < 3 ? passage : i == 3 ? shuffled : string.Empty)}.",
            5)).ToList();
        var original = pages[3];
        var memo = new ModelMemo();
        var first = new DossierModelBuilder(config, text, markdown) { Memo = memo, ExactUpTo = 0, SimilarityLimits = limits }.Build(pages, diagnostics);
        static int RelatedOfFirst(DossierModel model) => model.Articles.Single(a => a.Url.EndsWith("p00.html", StringComparison.Ordinal)).Related.Count;
        Assert.Equal(2, RelatedOfFirst(first));

        foreach (var step in new[] { "gains the passage", "loses it" })
        {
            pages[3] = step == "loses it" ? original : original with { MarkdownBody = original.MarkdownBody + $" {passage}." };
            var kept = new DossierModelBuilder(config, text, markdown) { Memo = memo, ExactUpTo = 0, SimilarityLimits = limits }.Build(pages, diagnostics);
            var fresh = new DossierModelBuilder(config, text, markdown) { ExactUpTo = 0, SimilarityLimits = limits }.Build(pages, diagnostics);
            Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
            Assert.Equal(step == "loses it" ? 2 : 0, RelatedOfFirst(fresh));
            for (var a = 0; a < fresh.Articles.Count; a++)
            {
                Assert.True(fresh.Articles[a].Related.SequenceEqual(kept.Articles[a].Related), $"{step}: {fresh.Articles[a].Url}: [{Show(kept.Articles[a].Related)}], fresh [{Show(fresh.Articles[a].Related)}]");
            }
        }
    }

    /// <summary>Thirty copies of one story tie in every candidate search, which takes the sixteen newest. The newest article
    /// holds the same words in another order (its estimate falls short by the shared triples); rewritten as a copy, it ties
    /// with the cut of every search, wins the tie by its number, and so enters every list although it was a candidate of none.</summary>
    [Fact]
    public void ABodyNowTyingWithTheCutEntersTheSearchesWhoseTieItWins()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var config = Dossier.Config(dossier);
        var diagnostics = new DiagnosticBag();
        var text = InterfaceText.Load(config, diagnostics)!;
        var markdown = new MarkdownRenderer();
        var random = new Random(3);
        var story = string.Join(' ', Enumerable.Range(0, 120).Select(_ => $"s{random.Next(400)}x"));
        var shuffled = string.Join(' ', story.Split(' ').OrderBy(_ => random.Next()));
        ContentPage Page(string name, int day, string body) => new(
            $"content/{name}.md",
            new FrontMatter { Title = name, Date = new DateOnly(2020, 1, 1).AddDays(day).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            body,
            5);
        var pages = Enumerable.Range(0, 30).Select(i => Page($"s{i:00}", i, story + ".")).Append(Page("a-rewritten", 40, shuffled + ".")).ToList();
        var memo = new ModelMemo();
        var before = new DossierModelBuilder(config, text, markdown) { Memo = memo, ExactUpTo = 0 }.Build(pages, diagnostics);
        Assert.DoesNotContain(before.Articles, a => a.Related.Any(l => l.Url.Contains("a-rewritten", StringComparison.Ordinal)));

        pages[^1] = pages[^1] with { MarkdownBody = story + "." };
        var kept = new DossierModelBuilder(config, text, markdown) { Memo = memo, ExactUpTo = 0 }.Build(pages, diagnostics);
        var fresh = new DossierModelBuilder(config, text, markdown) { ExactUpTo = 0 }.Build(pages, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        Assert.True(fresh.Articles.Count(a => a.Related.Any(l => l.Url.Contains("a-rewritten", StringComparison.Ordinal))) >= 20);
        for (var a = 0; a < fresh.Articles.Count; a++)
        {
            Assert.True(fresh.Articles[a].Related.SequenceEqual(kept.Articles[a].Related), $"{fresh.Articles[a].Url}: [{Show(kept.Articles[a].Related)}], fresh [{Show(fresh.Articles[a].Related)}]");
        }
    }

    /// <summary>The candidate search breaks ties of its estimates by body number (the place in the timeline): thirty copies
    /// of one story tie everywhere, so each list compares the sixteen newest others and keeps the five first by URL.
    /// Moving the copy first by URL from oldest to newest (a date edit, its text unchanged) puts it among every list's
    /// candidates and at the head of every list, although no list named it before.</summary>
    [Fact]
    public void AnArticleMovedInTheTimelineEntersTheListsWhoseTiesItNowWins()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var config = Dossier.Config(dossier);
        var diagnostics = new DiagnosticBag();
        var text = InterfaceText.Load(config, diagnostics)!;
        var markdown = new MarkdownRenderer();
        const string Story = "The ministers met in the capital and agreed on grain shipments through the southern port before winter.";
        var pages = Enumerable.Range(0, 30).Select(i => new ContentPage(
            $"content/s{i:00}.md",
            new FrontMatter { Title = $"Copy {i}", Date = new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            Story,
            5)).ToList();
        var memo = new ModelMemo();
        var before = new DossierModelBuilder(config, text, markdown) { Memo = memo, ExactUpTo = 0 }.Build(pages, diagnostics);
        Assert.DoesNotContain(before.Articles, a => a.Related.Any(l => l.Url.EndsWith("s00.html", StringComparison.Ordinal)));

        pages[0] = pages[0] with { Meta = pages[0].Meta with { Date = "2021-01-01" } };
        var kept = new DossierModelBuilder(config, text, markdown) { Memo = memo, ExactUpTo = 0 }.Build(pages, diagnostics);
        var fresh = new DossierModelBuilder(config, text, markdown) { ExactUpTo = 0 }.Build(pages, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        Assert.Contains(fresh.Articles, a => a.Related.Any(l => l.Url.EndsWith("s00.html", StringComparison.Ordinal)));
        for (var a = 0; a < fresh.Articles.Count; a++)
        {
            Assert.Equal(fresh.Articles[a].Url, kept.Articles[a].Url);
            Assert.True(fresh.Articles[a].Related.SequenceEqual(kept.Articles[a].Related), $"{fresh.Articles[a].Url}: [{Show(kept.Articles[a].Related)}], fresh [{Show(fresh.Articles[a].Related)}]");
        }
    }

    private static string Show(IEnumerable<ArticleLink> links) => string.Join(", ", links.Select(l => $"{l.Url} ({l.Reason})"));
}
