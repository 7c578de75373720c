using System.Text.Json;
using System.Text.Json.Serialization;
using StaticDossier.Config;

namespace StaticDossier.Rendering.Data;

/// <summary>schema.org NewsArticle for an article page, as JSON that is safe inside a script element.</summary>
internal static partial class JsonLdRenderer
{
    private static readonly JsonLdJson Context = new(new JsonSerializerOptions(Json.Compact));

    /// <summary>The article's JSON-LD as UTF-8, as the serializer writes it: the page is UTF-8 too, and a string would
    /// be decoded from these bytes only to be encoded back.</summary>
    public static Utf8Html Render(ArticleView a, SiteConfig config)
    {
        var data = new NewsArticle
        {
            Headline = a.Title,
            DatePublished = a.Date,
            InLanguage = a.Language,
            Url = a.AbsoluteUrl,
            MainEntityOfPage = a.AbsoluteUrl,
            IsBasedOn = a.SourceUrl,
            Author = a.Byline is null ? null : new Thing("Person", a.Byline),
            Publisher = a.Source is null ? null : new Thing("Organization", a.Source),
            About = a.People.Count == 0 ? null : [.. a.People.Select(p => new Thing("Person", p.Name))],
            Keywords = a.Tags.Count == 0 ? null : string.Join(", ", a.Tags.Select(t => t.Name)),
            Description = a.Summary.Length == 0 ? null : a.Summary,
            IsPartOf = new Thing("Collection", config.Title) { Url = SiteUrls.Absolute(config.BaseUrl, SitePaths.Home) },
        };
        return Utf8Html.FromUtf8(JsonSerializer.SerializeToUtf8Bytes(data, Context.NewsArticle));
    }

    private sealed record NewsArticle
    {
        [JsonPropertyName("@context")]
        public string Context { get; } = "https://schema.org";

        [JsonPropertyName("@type")]
        public string Type { get; } = "NewsArticle";

        [JsonPropertyName("headline")]
        public required string Headline { get; init; }

        [JsonPropertyName("datePublished")]
        public string? DatePublished { get; init; }

        [JsonPropertyName("inLanguage")]
        public required string InLanguage { get; init; }

        [JsonPropertyName("url")]
        public required string Url { get; init; }

        [JsonPropertyName("mainEntityOfPage")]
        public required string MainEntityOfPage { get; init; }

        [JsonPropertyName("isBasedOn")]
        public string? IsBasedOn { get; init; }

        [JsonPropertyName("author")]
        public Thing? Author { get; init; }

        [JsonPropertyName("publisher")]
        public Thing? Publisher { get; init; }

        [JsonPropertyName("about")]
        public List<Thing>? About { get; init; }

        [JsonPropertyName("keywords")]
        public string? Keywords { get; init; }

        [JsonPropertyName("description")]
        public string? Description { get; init; }

        [JsonPropertyName("isPartOf")]
        public Thing? IsPartOf { get; init; }
    }

    [JsonSerializable(typeof(NewsArticle))]
    private sealed partial class JsonLdJson : JsonSerializerContext;

    private sealed record Thing([property: JsonPropertyName("@type")] string Type, [property: JsonPropertyName("name")] string Name)
    {
        [JsonPropertyName("url")]
        public string? Url { get; init; }
    }
}
