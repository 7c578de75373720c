using AngleSharp.Dom;
using StaticDossier.Seeds;

namespace StaticDossier.Cleaning;

/// <summary>The one pipeline both seed kinds share: DOM or dump → blocks → classification → rules → article.</summary>
internal static class ArticleCleaner
{
    private static readonly HashSet<string> NoLines = new(StringComparer.Ordinal);

    /// <summary>Cleans the <paramref name="blocks"/> of a saved page's <paramref name="document"/>, or of a text dump
    /// when <paramref name="document"/> is null.</summary>
    public static CleanedDocument Clean(SeedDocument seed, IDocument? document, List<Block> blocks, CleaningOptions options,
        IReadOnlySet<string>? sharedLines = null)
    {
        var isTextDump = document is null;
        var language = BlockClassifier.Classify(blocks);
        var context = new CleaningContext(document, blocks, isTextDump, language, options.Thresholds) { SharedLines = sharedLines ?? NoLines };
        foreach (var rule in options.Rules)
        {
            context.Run(rule);
        }

        foreach (var b in blocks)
        {
            b.Decide(true, BlockRole.Body, "prose in the article's main run", RuleId.Default);
        }

        if (isTextDump)
        {
            options.BeforeReview?.Invoke(blocks, language);
        }

        if (isTextDump && options.TextLineModel is { } model)
        {
            LineModelReview.Apply(blocks, language, model, options.Thresholds);
        }

        if (WeakArticleFallback.Apply(blocks, isTextDump, options.Thresholds) is { } fallback)
        {
            context.Note(fallback);
        }

        var decisions = new List<BlockDecision>(blocks.Count);
        foreach (var b in blocks)
        {
            decisions.Add(new BlockDecision(b.Line, b.Text, b.Kept == true, b.Role.Name(), b.Reason, b.Rule.Name()));
        }

        var meta = new ArticleMetadata
        {
            Date = context.Date,
            Language = language != LanguageDetector.Other ? language
                : document?.DocumentElement.GetAttribute("lang") is { Length: >= 2 } lang ? lang.Split('-')[0].ToLowerInvariant() : "en",
            Source = context.Source,
            Byline = context.Byline,
        };
        var title = string.IsNullOrWhiteSpace(context.Title) ? seed.Id : context.Title;
        return new CleanedDocument(seed, title, MarkdownText.BodyOf(decisions, d => d.Text), meta, decisions) { Notes = [.. context.Notes] };
    }
}
