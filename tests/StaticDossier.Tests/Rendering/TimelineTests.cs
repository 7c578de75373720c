using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Rendering;
using StaticDossier.Rendering.Interface;
using StaticDossier.Tests.Support;

namespace StaticDossier.Tests.Rendering;

/// <summary>The timeline groups articles given in any order as it groups them in time order (the model's order, which it
/// takes without sorting again): the same years, months and articles in the same order.</summary>
public sealed class TimelineTests
{
    [Fact]
    public void ArticlesInAnyOrderGroupAsInTimeOrder()
    {
        using var dossier = new TempDossier(withSeeds: false);
        var text = InterfaceText.Load(Dossier.Config(dossier), new DiagnosticBag())!;
        var random = new Random(3);
        var articles = Enumerable.Range(0, 300).Select(i => new ArticleView
        {
            Page = new ContentPage($"content/a{i}.md", new FrontMatter { Title = $"a{i}" }, string.Empty, 1),
            // Ties on the day (then the title decides), periods of a month or a year, and undated articles.
            Title = $"Report {random.Next(40)}",
            Url = $"/articles/a{i}.html",
            Date = random.Next(5) == 0 ? null : $"20{random.Next(20, 23)}-0{random.Next(1, 4)}-1{random.Next(3)}",
            DateApprox = random.Next(3) == 0 ? (random.Next(2) == 0 ? "2021" : "2022-02") : null,
            Language = "en",
            Body = new Utf8Html(string.Empty),
        }).ToList();

        var shuffled = articles.OrderBy(_ => random.Next()).ToList();
        var inTime = Timeline.Sort(articles);
        string Show(List<TimelineYear> years) => string.Join('\n', years.Select(y => $"{y.Year} {y.Url} {y.ByMonth}: "
            + string.Join(" | ", y.Months.Select(m => $"{m.Id} {m.Name} {m.Url}: {string.Join(' ', m.Articles.Select(a => a.Url))}"))));
        Assert.NotEqual(inTime.Select(a => a.Url), shuffled.Select(a => a.Url));
        Assert.Equal(Show(Timeline.Group(inTime, text)), Show(Timeline.Group(shuffled, text)));
        Assert.Contains(Timeline.Group(shuffled, text), y => y.Months.Any(m => m.Articles.Count > 1));
    }
}
