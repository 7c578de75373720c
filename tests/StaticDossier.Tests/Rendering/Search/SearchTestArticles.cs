using StaticDossier.Content;
using StaticDossier.Rendering;

namespace StaticDossier.Tests.Rendering.Search;

/// <summary>The articles search tests make.</summary>
internal static class SearchTestArticles
{
    /// <summary>Article <paramref name="i"/>, dated <paramref name="i"/> days before 2024 (so ids are newest first), with
    /// <paramref name="text"/> as its one paragraph and no people or tags.</summary>
    public static ArticleView Article(int i, string title, string text)
    {
        var date = new DateOnly(2024, 1, 1).AddDays(-i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new ArticleView
        {
            Page = new ContentPage($"content/a{i}.md", new FrontMatter { Title = title, Date = date }, string.Empty, 1),
            Title = title,
            Url = $"articles/a{i}.html",
            Date = date,
            DateDisplay = date,
            Language = "en",
            LanguageName = "English",
            Body = new Utf8Html($"<p>{text}</p>"),
            PlainText = new BodyText(text),
        };
    }
}
