using StaticDossier.Analysis;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;
using StaticDossier.Rendering.Interface;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Analysis;

/// <summary>A model builder that keeps its views and taxonomies between builds (<see cref="ModelMemo"/>, as <c>serve</c>
/// does) gives the model a fresh builder gives, when what changed is only what an unchanged article shows of another.</summary>
public sealed class ModelMemoTests
{
    /// <summary>A retitled article's neighbours in time keep their own view, related list and terms, yet their links to it
    /// (earlier, later) and the term lists naming it show the new title.</summary>
    [Fact]
    public void ANeighboursNewTitleReachesTheArticlesBesideIt()
    {
        using var builders = new Builders();
        var pages = Enumerable.Range(0, 12).Select(i => Page(
            $"content/n{i:00}.md",
            i,
            new FrontMatter
            {
                Title = $"Report {i}",
                Date = Day(i),
                Tags = [i % 2 == 0 ? "energy" : "trade"],
            })).ToList();
        _ = builders.Kept(pages);

        pages[5] = pages[5] with { Meta = pages[5].Meta with { Title = "Report 5, retitled" } };
        var fresh = builders.SameAsFresh(pages, "after the title of n05 changed");
        Assert.Contains(fresh.Articles, a => a.Earlier?.Title == "Report 5, retitled" && a.Related.All(l => l.Title != "Report 5, retitled"));
    }

    /// <summary>Names new to the dossier and names whose last article drops them, and articles moved in time (a date
    /// moved past others, a title breaking a tie on the same day, an undated article dated): the memo's timeline and term
    /// links are those a fresh builder makes after each step.</summary>
    [Fact]
    public void NamesComingAndGoingAndArticlesMovedInTimeGiveAFreshBuildersModel()
    {
        using var builders = new Builders();
        var pages = Enumerable.Range(0, 30).Select(i => Page(
            $"content/m{i:00}.md",
            i,
            new FrontMatter
            {
                Title = $"Report {i}",
                Date = i == 29 ? null : Day(i / 3),
                Tags = [i % 3 == 0 ? "energy" : "trade"],
                People = i == 7 ? ["Only Once"] : [],
            })).ToList();
        _ = builders.Kept(pages);
        var steps = new (string What, Func<List<ContentPage>, List<ContentPage>> Edit)[]
        {
            ("a tag no article had", p => Edit(p, 4, m => m with { Tags = ["energy", "brand new"] })),
            ("the only person's article drops them", p => Edit(p, 7, m => m with { People = [] })),
            ("the new tag's only article drops it", p => Edit(p, 4, m => m with { Tags = ["energy"] })),
            ("a tag moved to another article and a name back", p => Edit(Edit(p, 10, m => m with { Tags = ["rice"] }), 7, m => m with { People = ["Only Once"] })),
            ("a date moved past others", p => Edit(p, 2, m => m with { Date = "2020-01-09" })),
            ("a title breaking a tie on its day", p => Edit(p, 25, m => m with { Title = "A report first on its day" })),
            ("an undated article dated, and a dated one undated", p => Edit(Edit(p, 29, m => m with { Date = "2020-01-05" }), 0, m => m with { Date = null })),
        };
        foreach (var (what, edit) in steps)
        {
            pages = edit(pages);
            _ = builders.SameAsFresh(pages, $"after {what}");
        }

        static List<ContentPage> Edit(List<ContentPage> pages, int i, Func<FrontMatter, FrontMatter> edit)
        {
            var edited = new List<ContentPage>(pages);
            edited[i] = edited[i] with { Meta = edit(edited[i].Meta) };
            return edited;
        }
    }

    // No word in common between bodies: each related list holds the articles sharing a tag.
    private static ContentPage Page(string path, int i, FrontMatter meta) =>
        new(path, meta, $"Alpha{i}x beta{i}y gamma{i}z.", 5);

    private static string Day(int i) => new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A builder keeping a memo between builds, as <c>serve</c> does, beside fresh ones for the same dossier.</summary>
    private sealed class Builders : IDisposable
    {
        private readonly TempDossier dossier = new(withSeeds: false);
        private readonly SiteConfig config;
        private readonly DiagnosticBag diagnostics = new();
        private readonly InterfaceText text;
        private readonly MarkdownRenderer markdown = new();
        private readonly ModelMemo memo = new();

        // Bodies found by their Markdown string, as serve's body cache finds them: an unchanged page keeps its view.
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, RenderedMarkdown> bodies = new();

        public Builders()
        {
            config = Dossier.Config(dossier);
            text = InterfaceText.Load(config, diagnostics)!;
        }

        /// <summary>The model of <paramref name="pages"/> built by the memo-keeping builder.</summary>
        public DossierModel Kept(IReadOnlyList<ContentPage> pages) =>
            new DossierModelBuilder(config, text, markdown, b => bodies.GetValue(b, markdown.RenderBody)) { Memo = memo, ExactUpTo = 0 }.Build(pages, diagnostics);

        /// <summary>Builds <paramref name="pages"/> with the memo and afresh, asserts both models are the same, and returns the fresh one.</summary>
        public DossierModel SameAsFresh(IReadOnlyList<ContentPage> pages, string when)
        {
            var kept = Kept(pages);
            var fresh = new DossierModelBuilder(config, text, markdown) { ExactUpTo = 0 }.Build(pages, diagnostics);
            Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
            ModelAssert.Same(fresh, kept, when);
            return fresh;
        }

        public void Dispose() => dossier.Dispose();
    }
}
