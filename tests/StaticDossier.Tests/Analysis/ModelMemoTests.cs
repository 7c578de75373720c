using StaticDossier.Analysis;
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
        using var dossier = new TempDossier(withSeeds: false);
        var config = Dossier.Config(dossier);
        var diagnostics = new DiagnosticBag();
        var text = InterfaceText.Load(config, diagnostics)!;
        var markdown = new MarkdownRenderer();
        var pages = Enumerable.Range(0, 12).Select(i => new ContentPage(
            $"content/n{i:00}.md",
            new FrontMatter
            {
                Title = $"Report {i}",
                Date = new DateOnly(2020, 1, 1).AddDays(i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Tags = [i % 2 == 0 ? "energy" : "trade"],
            },
            // No word in common: each list holds the articles sharing its tag, so the retitled one is on none beside it.
            $"Alpha{i}x beta{i}y gamma{i}z.",
            5)).ToList();
        // Bodies found by their Markdown string, as serve's body cache finds them: an unchanged page keeps its view.
        var bodies = new System.Runtime.CompilerServices.ConditionalWeakTable<string, RenderedMarkdown>();
        RenderedMarkdown Body(string body) => bodies.GetValue(body, b => markdown.RenderBody(b));
        var memo = new ModelMemo();
        _ = new DossierModelBuilder(config, text, markdown, Body) { Memo = memo, ExactUpTo = 0 }.Build(pages, diagnostics);

        pages[5] = pages[5] with { Meta = pages[5].Meta with { Title = "Report 5, retitled" } };
        var kept = new DossierModelBuilder(config, text, markdown, Body) { Memo = memo, ExactUpTo = 0 }.Build(pages, diagnostics);
        var fresh = new DossierModelBuilder(config, text, markdown) { ExactUpTo = 0 }.Build(pages, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
        Assert.Contains(fresh.Articles, a => a.Earlier?.Title == "Report 5, retitled" && a.Related.All(l => l.Title != "Report 5, retitled"));
        ModelAssert.Same(fresh, kept, "after the title of n05 changed");
    }

    /// <summary>Names new to the dossier and names whose last article drops them, and articles moved in time (a date
    /// moved past others, a title breaking a tie on the same day, an undated article dated): the memo's timeline and term
    /// links are those a fresh builder makes after each step.</summary>
    [Fact]
    public void NamesComingAndGoingAndArticlesMovedInTimeGiveAFreshBuildersModel()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var config = Dossier.Config(dossier);
        var diagnostics = new DiagnosticBag();
        var text = InterfaceText.Load(config, diagnostics)!;
        var markdown = new MarkdownRenderer();
        var pages = Enumerable.Range(0, 30).Select(i => new ContentPage(
            $"content/m{i:00}.md",
            new FrontMatter
            {
                Title = $"Report {i}",
                Date = i == 29 ? null : new DateOnly(2020, 1, 1).AddDays(i / 3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Tags = [i % 3 == 0 ? "energy" : "trade"],
                People = i == 7 ? ["Only Once"] : [],
            },
            $"Alpha{i}x beta{i}y gamma{i}z.",
            5)).ToList();
        var bodies = new System.Runtime.CompilerServices.ConditionalWeakTable<string, RenderedMarkdown>();
        RenderedMarkdown Body(string body) => bodies.GetValue(body, b => markdown.RenderBody(b));
        var memo = new ModelMemo();
        _ = new DossierModelBuilder(config, text, markdown, Body) { Memo = memo, ExactUpTo = 0 }.Build(pages, diagnostics);
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
            var kept = new DossierModelBuilder(config, text, markdown, Body) { Memo = memo, ExactUpTo = 0 }.Build(pages, diagnostics);
            var fresh = new DossierModelBuilder(config, text, markdown) { ExactUpTo = 0 }.Build(pages, diagnostics);
            Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics));
            ModelAssert.Same(fresh, kept, $"after {what}");
        }

        static List<ContentPage> Edit(List<ContentPage> pages, int i, Func<FrontMatter, FrontMatter> edit)
        {
            var edited = new List<ContentPage>(pages);
            edited[i] = edited[i] with { Meta = edit(edited[i].Meta) };
            return edited;
        }
    }
}
