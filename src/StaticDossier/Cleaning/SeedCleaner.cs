using StaticDossier.Diagnostics;
using StaticDossier.Repairing;
using StaticDossier.Seeds;

namespace StaticDossier.Cleaning;

/// <summary>Cleans any seed, choosing the cleaner for its kind.</summary>
public sealed class SeedCleaner
{
    private readonly IReadOnlyList<Config.EventConfig> _events;
    private readonly TextRepairer _repairer;

    /// <summary>A cleaner that dates undated pages by the <paramref name="events"/> they refer to (site.yml <c>events:</c>)
    /// and then repairs run-together words with <paramref name="repairer"/> (by default one that knows no names).</summary>
    public SeedCleaner(IReadOnlyList<Config.EventConfig>? events = null, TextRepairer? repairer = null)
    {
        _events = events ?? [];
        _repairer = repairer ?? new TextRepairer();
    }

    /// <summary>The cleaner ingest uses for <paramref name="config"/>: its events, and its curated names for repairs.</summary>
    public static SeedCleaner For(Config.SiteConfig config) => new(config.Events, new TextRepairer(CuratedNames(config)));

    /// <summary>Every curated name and alias (people, tags, sources): the names a repair may split a word at.</summary>
    public static IEnumerable<string> CuratedNames(Config.SiteConfig config) =>
        config.People.Concat(config.Tags).Concat(config.Sources).SelectMany(t => t.Aliases.Prepend(t.Name));

    /// <summary>Takes the article out of <paramref name="seed"/>, on its own.</summary>
    public CleanedDocument Clean(SeedDocument seed, DiagnosticBag diagnostics) => Clean(seed, diagnostics, null);

    /// <summary>Cleans every seed, letting lines repeated across seeds of one outlet count as boilerplate.</summary>
    public IReadOnlyList<CleanedDocument> CleanAll(IReadOnlyList<SeedDocument> seeds, DiagnosticBag diagnostics)
    {
        var shared = SharedLines(seeds);
        var cleaned = new CleanedDocument[seeds.Count];
        Parallel.For(0, seeds.Count, i => cleaned[i] = Clean(seeds[i], diagnostics, shared.GetValueOrDefault(seeds[i].Path)));
        return cleaned;
    }

    /// <summary>For each seed (by path), the lines its outlet repeats across other seeds: boilerplate.</summary>
    internal static IReadOnlyDictionary<string, IReadOnlySet<string>> SharedLines(IReadOnlyList<SeedDocument> seeds) => RepeatedLines.Find(seeds);

    internal CleanedDocument Clean(SeedDocument seed, DiagnosticBag diagnostics, IReadOnlySet<string>? sharedLines)
    {
        var cleaned = seed.Kind == SeedKind.Html ? HtmlCleaner.CleanWith(seed, sharedLines) : TextDumpCleaner.CleanWith(seed, sharedLines);
        if (string.IsNullOrWhiteSpace(cleaned.MarkdownBody))
        {
            diagnostics.Warning(DiagnosticCodes.SeedNoArticle, "Cleaning found no article text in this seed.", SourceLocation.InFile(seed.Path));
        }

        var repaired = _repairer.Repair(InferDate(ApplySidecar(cleaned)));
        foreach (var s in repaired.Suspects)
        {
            diagnostics.Warning(DiagnosticCodes.SeedWordSuspect,
                $"'{s.Word}' is not in the word list and may be two words run together ('{s.Split}'); left as printed. " +
                "Edit the content page if it is, or list it under keep_words in the seed's .seed.yml if it is one word.",
                new SourceLocation(seed.Path, s.Line, s.Column));
        }

        return repaired;
    }

    // Blocks that belong to the article, whether kept or not: its headline, captions and a lede repeated.
    private static readonly HashSet<string> ArticleRoles = new(StringComparer.Ordinal) { "title", "caption", "duplicate" };

    /// <summary>A page with no stated date gets the period its text supports, apart from <c>date</c>.</summary>
    private CleanedDocument InferDate(CleanedDocument cleaned)
    {
        if (cleaned.Metadata.Date is not null)
        {
            return cleaned;
        }

        var text = string.Join("\n", cleaned.Decisions.Where(d => d.Kept || ArticleRoles.Contains(d.Role)).Select(d => d.Text));
        var approx = DateInference.Infer(text, _events, DateFinder.FromIso(cleaned.Seed.Sidecar?.RetrievedAt));
        return approx is null ? cleaned : cleaned with { Metadata = cleaned.Metadata with { DateApprox = approx } };
    }

    // A curator's sidecar wins over what the page seemed to say.
    private static CleanedDocument ApplySidecar(CleanedDocument cleaned)
    {
        var sidecar = cleaned.Seed.Sidecar;
        if (sidecar is null)
        {
            return cleaned;
        }

        var meta = cleaned.Metadata with
        {
            // Where a capture ended up after redirects is the article's address.
            Url = sidecar.FinalUrl ?? sidecar.Url ?? cleaned.Metadata.Url,
            Source = sidecar.Source ?? cleaned.Metadata.Source,
            Language = sidecar.Language ?? cleaned.Metadata.Language,
            Date = DateOnly.TryParseExact(sidecar.Date, "yyyy-MM-dd", out var d) ? d : cleaned.Metadata.Date,
        };
        return cleaned with { Metadata = meta };
    }
}
