using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using StaticDossier.Analysis;

namespace StaticDossier.Rendering.Data;

/// <summary>The full-text search index as a script (<c>assets/search-index.js</c>) that sets
/// <c>window.dossierSearchIndex</c>: a script element can load it from <c>file://</c>, where fetching
/// JSON is refused.</summary>
internal sealed partial class SearchIndexRenderer : ISiteOutput
{

    private static readonly byte[] Start = Encoding.UTF8.GetBytes("window.dossierSearchIndex = {\"documents\":[");
    private static readonly byte[] End = Encoding.UTF8.GetBytes("]};\n");

    /// <summary>The same bytes as serialising <c>{ documents }</c> whole, but each document is serialised to UTF-8
    /// on its own, on every core, and the pieces copied once into the file: the index holds every article's full
    /// text (tens of megabytes for a large dossier), which as one JSON string cost three copies of it.</summary>
    internal static OutputFile Render(DossierModel model)
    {
        var articles = model.Articles;
        var pieces = new byte[articles.Count][];
        Parallel.For(0, articles.Count, i =>
        {
            var a = articles[i];
            pieces[i] = JsonSerializer.SerializeToUtf8Bytes(new SearchDocument(
                a.Title, a.Url, a.Language, a.Date, a.DateDisplay, a.Source,
                [.. a.People.Select(p => p.Name)], [.. a.Tags.Select(t => t.Name)], a.PlainText), Context.SearchDocument);
        });

        // Every byte is written below, so the (tens of megabytes of) array need not be cleared first.
        var bytes = GC.AllocateUninitializedArray<byte>(Start.Length + pieces.Sum(p => p.Length) + Math.Max(0, pieces.Length - 1) + End.Length);
        var at = Append(bytes, 0, Start);
        for (var i = 0; i < pieces.Length; i++)
        {
            if (i > 0)
            {
                bytes[at++] = (byte)',';
            }

            at = Append(bytes, at, pieces[i]);
        }

        Append(bytes, at, End);
        return new OutputFile(SitePaths.SearchIndex, bytes);
    }

    public IEnumerable<OutputFile?> Render(OutputContext context) => [Render(context.Dossier)];

    private static int Append(byte[] to, int at, byte[] piece)
    {
        piece.CopyTo(to, at);
        return at + piece.Length;
    }

    private static readonly SearchJson Context = new(new JsonSerializerOptions(Json.Compact));

    [JsonSerializable(typeof(SearchDocument))]
    private sealed partial class SearchJson : JsonSerializerContext;

    private sealed record SearchDocument(string Title, string Url, string Language, string? Date, string? DateDisplay, string? Source,
        IReadOnlyList<string> People, IReadOnlyList<string> Tags, string Text);
}
