using System.Buffers;

namespace StaticDossier.Cleaning.Rules;

/// <summary>Legal and service boilerplate (copyright lines, trademark notices, cookie and privacy notices,
/// reprint notices, newsletter pitches) reads like prose but belongs to the site, not the article. A long block
/// goes only when it names two different legal matters: a story may mention one.</summary>
internal sealed class BoilerplateRule : INoiseRule
{
    private static readonly string[] LegalPhrases =
    [
        "all rights reserved", "registered trademark", "cookie policy", "cookie settings", "privacy policy",
        "terms of use", "terms of service", "terms and conditions", "subscribe to our newsletter",
        "non-commercial use only",
    ];

    private static readonly SearchValues<string> Phrases = SearchValues.Create(LegalPhrases, StringComparison.OrdinalIgnoreCase);

    private static int Find(string text)
    {
        var at = text.AsSpan().IndexOfAny(Phrases);
        var copyright = text.IndexOf('©', StringComparison.Ordinal);
        if (copyright >= 0 && (at < 0 || copyright < at))
        {
            at = copyright;
        }

        return at >= 0 ? at : text.IndexOf("bản quyền thuộc", StringComparison.OrdinalIgnoreCase);
    }

    // Names two different legal matters (a site's legal footer names several; a story rarely more than one). Only
    // long blocks ask, so the phrases are counted one by one.
    private static bool NamesTwoLegalMatters(string text)
    {
        var count = text.Contains('©', StringComparison.Ordinal) ? 1 : 0;
        foreach (var phrase in LegalPhrases)
        {
            count += text.Contains(phrase, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        }

        return count >= 2;
    }

    // Service pitches around an article: only in short blocks, since a story may well be about a newsletter.
    // The Vietnamese one is looked for on its own: one non-ASCII phrase sends the whole set down a search that
    // looks up every character of the text in a table (a tenth of cleaning a dump), where ASCII phrases alone
    // are found with vector instructions.
    internal static readonly string[] PitchPhrases =
    [
        "newsletter", "sign up for", "subscribe to", "subscribe now", "follow us on", "follow her on", "follow him on",
        "may be reached at", "can be reached at", "have a tip?", "join our", "download our app",
    ];

    private static readonly SearchValues<string> Pitches = SearchValues.Create(PitchPhrases, StringComparison.OrdinalIgnoreCase);

    internal const string VietnamesePitch = "đăng ký nhận tin";

    // The first pitch in the text, as one search over every phrase would find it.
    internal static int FindPitch(string text)
    {
        var at = text.AsSpan().IndexOfAny(Pitches);
        var vietnamese = text.IndexOf(VietnamesePitch, StringComparison.OrdinalIgnoreCase);
        return vietnamese >= 0 && (at < 0 || vietnamese < at) ? vietnamese : at;
    }

    public RuleId Id => RuleId.Boilerplate;

    public void Apply(CleaningContext context)
    {
        foreach (var b in context.Blocks)
        {
            if (!b.IsDecided && ((Find(b.Text) is var at and >= 0 && (b.Words <= context.Thresholds.LegalWords || NamesTwoLegalMatters(b.Text)))
                || (b.Words <= context.Thresholds.PitchWords && (at = FindPitch(b.Text)) >= 0)))
            {
                var end = b.Text.IndexOf(' ', Math.Min(b.Text.Length, at + 4));
                var phrase = b.Text[at..(end < 0 ? b.Text.Length : end)];
                b.Decide(false, BlockRole.Noise, $"site boilerplate ('{phrase}…')", Id);
            }
        }
    }
}
