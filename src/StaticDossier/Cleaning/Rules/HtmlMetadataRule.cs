using System.Text.RegularExpressions;

namespace StaticDossier.Cleaning.Rules;

/// <summary>Saved pages state their facts in markup: <c>article:published_time</c>, <c>time[datetime]</c>,
/// JSON-LD <c>datePublished</c>, <c>og:site_name</c>, <c>meta[name=author]</c>.</summary>
internal sealed partial class HtmlMetadataRule : INoiseRule
{
    public RuleId Id => RuleId.HtmlMeta;

    public PageFacts Writes => PageFacts.Date | PageFacts.Source | PageFacts.Byline;

    public void Apply(CleaningContext context)
    {
        if (context.Document is not { } d)
        {
            return;
        }

        string? Meta(string selector) => d.QuerySelector(selector)?.GetAttribute("content") is { Length: > 0 } v ? v.Trim() : null;

        var date = DateFinder.FromIso(Meta("meta[property='article:published_time'], meta[name='article:published_time'], meta[itemprop='datePublished'], meta[name='pubdate'], meta[name='date'], meta[name='DC.date.issued']"))
                   ?? DateFinder.FromIso(d.QuerySelector("time[datetime]")?.GetAttribute("datetime"));
        if (date is null)
        {
            foreach (var script in d.QuerySelectorAll("script[type='application/ld+json']"))
            {
                if (JsonLdDate().Match(script.TextContent) is { Success: true } m && DateFinder.FromIso(m.Groups["v"].Value) is { } jd)
                {
                    date = jd;
                    break;
                }
            }
        }

        if (date is { } found)
        {
            context.OfferDate(found);
        }

        if (context.Source is null)
        {
            context.OfferSource(Meta("meta[property='og:site_name']"));
        }

        if (context.Byline is null)
        {
            context.OfferByline(Meta("meta[name='author']") is { } a && !a.Contains("://", StringComparison.Ordinal) ? a : null);
        }
    }

    [GeneratedRegex("\"datePublished\"\\s*:\\s*\"(?<v>[^\"]+)\"")]
    private static partial Regex JsonLdDate();
}
