using System.Text;
using System.Text.Json;
using StaticDossier.Rendering.Model;

namespace StaticDossier.Rendering.Data;

/// <summary>The full-text search index as a script (<c>assets/search-index.js</c>) that sets
/// <c>window.dossierSearchIndex</c>: a script element can load it from <c>file://</c>, where fetching
/// JSON is refused.</summary>
internal static class SearchIndexRenderer
{
    public const string Path = "assets/search-index.js";

    public static OutputFile Render(DossierModel model)
    {
        var documents = model.Articles.Select(a => new SearchDocument(
            a.Title, a.Url, a.Language, a.Date, a.DateDisplay, a.Source,
            [.. a.People.Select(p => p.Name)], [.. a.Tags.Select(t => t.Name)], a.PlainText)).ToList();
        var json = JsonSerializer.Serialize(new { documents }, Json.Compact);
        return new OutputFile(Path, Encoding.UTF8.GetBytes("window.dossierSearchIndex = " + json + ";\n"));
    }

    private sealed record SearchDocument(string Title, string Url, string Language, string? Date, string? DateDisplay, string? Source,
        IReadOnlyList<string> People, IReadOnlyList<string> Tags, string Text);
}
