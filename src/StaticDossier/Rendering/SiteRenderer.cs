using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Analysis;
using StaticDossier.Rendering.Interface;
using StaticDossier.Rendering.Pages;

namespace StaticDossier.Rendering;

/// <summary>Content pages + config + templates → every file of the site, in memory, sorted by path.
/// Pure apart from reading <c>templates/</c>: no clock, no output folder, so it can be cached or run twice.</summary>
public sealed class SiteRenderer
{
    private readonly SiteConfig _config;
    private readonly MarkdownRenderer _markdown = new();

    /// <summary>Creates a renderer for <paramref name="config"/>.</summary>
    public SiteRenderer(SiteConfig config) => _config = config;

    /// <summary>Markdown → safe HTML and text for article bodies; a caching builder may pass its own.</summary>
    internal Func<string, RenderedMarkdown>? BodyRenderer { get; init; }

    /// <summary>The seeds to publish beside their articles (see <see cref="StaticDossier.Seeds.PublishedSeedReader"/>).</summary>
    internal IReadOnlyDictionary<string, StaticDossier.Seeds.PublishedSeed> Seeds { get; init; } = new Dictionary<string, StaticDossier.Seeds.PublishedSeed>();

    /// <summary>What a long-lived builder keeps between builds, so unchanged pages are not rendered again.</summary>
    internal Incremental.RenderMemo? Memo { get; init; }

    /// <summary>When given, takes every file as it is rendered, and <see cref="Render"/> returns what it kept of each
    /// (paths and dates, no bytes): a large site is then never held in memory whole.</summary>
    internal IOutputSink? Sink { get; init; }

    /// <summary>The caller hands its list of pages over (a one-off build): each page in it is replaced by a copy without
    /// its Markdown as soon as its body is rendered, so the dossier's Markdown (a gigabyte at 100,000 articles) is not
    /// held through the rest of the build. Never with a <see cref="Memo"/>, which keeps pages between builds.</summary>
    internal bool TakesPages { get; init; }

    /// <summary>Called once every article body has been rendered (the model is built): a cache can let go of its file.</summary>
    internal Action? BodiesRendered { get; init; }

    /// <summary>Renders the site; null when errors were reported. <paramref name="index"/> is
    /// <c>content/_index.md</c>, whose body becomes the home page's introduction.</summary>
    public IReadOnlyList<OutputFile>? Render(IReadOnlyList<ContentPage> pages, ContentPage? index, DiagnosticBag diagnostics)
    {
        var text = InterfaceText.Load(_config, diagnostics);
        if (text is null)
        {
            return null;
        }

        var dossier = Building.BuildTimings.Time("model", () => new DossierModelBuilder(_config, text, _markdown, BodyRenderer)
        {
            PublishedSeeds = Seeds,
            Memo = Memo?.Model,
            DropsMarkdown = TakesPages && Memo is null,
        }.Build(pages, diagnostics));
        BodiesRendered?.Invoke();
        if (diagnostics.HasErrors)
        {
            return null;
        }

        if (TakesPages && Memo is null)
        {
            Building.PhaseGarbage.Collect("collect: model's scaffolding", dossier.Articles.Count);
        }

        var templates = new TemplateRenderer(_config.TemplatesPath, _config.RelativeToRoot(_config.TemplatesPath));
        var context = new OutputContext(_config, dossier, new PageRenderer(_config, templates, dossier.Taxonomies, text, Memo), Intro(index, diagnostics), diagnostics, text) { Seeds = Seeds, Memo = Memo };
        var outputs = SiteOutputs.All.Where(o => !o.ListsSite).ToList();
        // Materialised inside each task: an output's files are rendered on the thread that runs it.
        List<OutputFile?> Output(ISiteOutput o) => Building.BuildTimings.Time("output " + o.GetType().Name, () => Collect(o, context));
        // A one-off build that stages files as they come makes the search files first, on their own (they keep both
        // cores busy): the index and term entries (~0.7 GB at 100,000 articles) are gone before the pages rendered side
        // by side pile up their link scans and cached partials. The files that read the articles' text come first; the
        // views go on without it (~0.45 GB at 100,000 articles; nothing after reads it, templates never see it) once the
        // index is parsed, before its term entries are made.
        var files = new List<OutputFile?>();
        if (Sink is not null && Memo is null)
        {
            foreach (var alone in outputs.OfType<Search.SearchIndexRenderer>().ToList())
            {
                files.AddRange(Building.BuildTimings.Time("output " + alone.GetType().Name, () =>
                {
                    var made = Collect(Search.SearchIndexRenderer.TextFiles(dossier));
                    var index = Building.BuildTimings.Time("search: index", () => Search.SearchIndex.Build(dossier));
                    dossier = WithoutText(dossier);
                    context = context with { Dossier = dossier };
                    Building.PhaseGarbage.Collect("collect: plain text", dossier.Articles.Count);
                    made.AddRange(Collect(Search.SearchIndexRenderer.TermFiles(index)));
                    return made;
                }));
                outputs.Remove(alone);
            }

            // The index, the term entries and the shards are dead; at 100,000 articles they are the larger part of the heap.
            Building.PhaseGarbage.Collect("collect: search index", dossier.Articles.Count);
        }

        var beside = outputs.Skip(1).Select(o => Building.BuildTimings.Serial ? Task.FromResult(Output(o)) : Task.Run(() => Output(o))).ToList();
        files.AddRange(Output(outputs[0]));
        foreach (var work in beside)
        {
            files.AddRange(work.GetAwaiter().GetResult());
        }

        templates.ForgetCachedPartials();
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var site = files.OfType<OutputFile>().ToList();
        foreach (var listing in SiteOutputs.All.Where(o => o.ListsSite))
        {
            site.AddRange(Building.BuildTimings.Time("output " + listing.GetType().Name, () => Collect(listing, context with { Rendered = site }).OfType<OutputFile>().ToList()));
        }

        ReportDuplicates(site, diagnostics);
        site.Sort((a, b) => string.CompareOrdinal(a.OutputPath, b.OutputPath));
        return diagnostics.HasErrors ? null : site;
    }

    /// <summary>An output's files, each handed to the <see cref="Sink"/> when there is one: in batches, on every core,
    /// as the output yields them.</summary>
    private List<OutputFile?> Collect(ISiteOutput output, OutputContext context) => Collect(output.Render(context));

    /// <summary>As <see cref="Collect(ISiteOutput, OutputContext)"/>, for files already being made.</summary>
    private List<OutputFile?> Collect(IEnumerable<OutputFile?> files)
    {
        if (Sink is not { } sink)
        {
            return files.ToList();
        }

        var kept = new List<OutputFile?>();
        var batch = new List<OutputFile?>(Batch);
        foreach (var file in files)
        {
            batch.Add(file);
            if (batch.Count == Batch)
            {
                Hand();
            }
        }

        Hand();
        return kept;

        void Hand()
        {
            var taken = new OutputFile?[batch.Count];
            Parallel.For(0, batch.Count, i => taken[i] = batch[i] is { } file ? sink.Take(file) : null);
            kept.AddRange(taken);
            batch.Clear();
        }
    }

    /// <summary>The model with each article's view copied without its plain text.</summary>
    private static DossierModel WithoutText(DossierModel dossier) =>
        dossier with { Articles = [.. dossier.Articles.Select(a => a with { PlainText = BodyText.Empty })] };

    /// <summary>Files handed to the sink together: enough to keep both cores busy, few enough to hold.</summary>
    private const int Batch = 256;

    private RawHtml Intro(ContentPage? index, DiagnosticBag diagnostics)
    {
        var markdown = index is not null && !string.IsNullOrWhiteSpace(index.MarkdownBody) ? index.MarkdownBody
            : !string.IsNullOrWhiteSpace(_config.Intro) ? _config.Intro
            : _config.Description;
        var location = index is not null ? new SourceLocation(index.Path, index.BodyStartLine, 1) : SourceLocation.InFile(_config.SourcePath);
        return new RawHtml(_markdown.Render(markdown, location, diagnostics) ?? string.Empty);
    }

    private static void ReportDuplicates(List<OutputFile> files, DiagnosticBag diagnostics)
    {
        foreach (var group in files.GroupBy(f => f.OutputPath, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            diagnostics.Error(DiagnosticCodes.DuplicateOutputPath,
                $"Two outputs would be written to '{group.Key}' (a file in templates/assets/ may clash with a generated one).",
                SourceLocation.InFile("_site/" + group.Key));
        }
    }
}
