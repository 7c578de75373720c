using System.Diagnostics;
using StaticDossier.Building;
using StaticDossier.Config;
using StaticDossier.Content;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Rendering;

namespace StaticDossier;

/// <summary>The one path from content/ to the published site, used by <c>build</c>, <c>serve</c>, <c>snapshot</c> and the
/// tests: read the content pages → render every output → check the links → publish (staged, swapped in whole).
/// Caching is an option of it (<see cref="Cache"/>), not another builder.</summary>
public sealed class SiteBuilder
{
    private readonly SiteConfig _config;

    /// <summary>Creates a builder for <paramref name="config"/>.</summary>
    public SiteBuilder(SiteConfig config) => _config = config;

    /// <summary>How the build uses the cache beside the output folder; off unless asked for.</summary>
    public BuildCacheMode Cache { get; init; } = BuildCacheMode.Off;

    /// <summary>Reports progress; called from several threads.</summary>
    public Action<BuildProgress>? Progress { get; init; }

    /// <summary>The cache folder: a hidden sibling of the output folder, so it is never published.</summary>
    public string CacheDirectory => BuildCache.DirectoryFor(_config.OutputPath);

    /// <summary>Markdown → safe HTML and text for article bodies, in place of the Markdown renderer (tests, harnesses).</summary>
    internal Func<string, RenderedMarkdown>? BodyRenderer { get; init; }

    /// <summary>Kept by a long-lived caller (<c>serve</c>) across builds: a page whose inputs did not change since the last
    /// build is not rendered again, nor its links scanned. The output is byte for byte a full build's.</summary>
    internal Rendering.Incremental.RenderMemo? Memo { get; init; }

    /// <summary>Kept by <c>serve</c> across builds with <see cref="Memo"/>: input hashes, parsed pages, rendered bodies, the
    /// last build's state and what was published, so a rebuild reads, parses and writes only what changed.</summary>
    internal LiveBuild? Live { get; init; }

    /// <summary>Builds the site in memory and checks its links; null when errors were reported. Writes nothing.</summary>
    public IReadOnlyList<OutputFile>? Render(DiagnosticBag diagnostics)
    {
        var files = RenderUnchecked(diagnostics);
        if (files is null)
        {
            return null;
        }

        _ = Memo is { } memo ? memo.Links.Check(files, diagnostics) : LinkChecker.Check(files, diagnostics);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        Memo?.EndBuild(files.Select(f => f.OutputPath));
        return files;
    }

    /// <summary>Builds the site and publishes it to the output folder (or confirms it is up to date); the previous
    /// site stays if anything fails.</summary>
    public BuildSummary Build(DiagnosticBag diagnostics)
    {
        var clock = Stopwatch.StartNew();
        var garbage = Live?.Garbage;
        BuildTimings.Time("collection before the build", () => { garbage?.BuildStarting(); return 0; });
        BuildSummary summary;
        try
        {
            summary = BuildAndPublish(diagnostics, clock);
        }
        finally
        {
            garbage?.BuildDone();
        }

        return BuildTimings.Take() is { } timings ? summary with { Timings = timings } : summary;
    }

    private BuildSummary BuildAndPublish(DiagnosticBag diagnostics, Stopwatch clock)
    {
        RecoverOutput(diagnostics);
        var cache = Cache == BuildCacheMode.Off ? null : BuildTimings.Time("fingerprint and cache", () => BuildCache.Open(_config, Cache == BuildCacheMode.Reuse, Progress, Live));
        if (BuildTimings.Time("up-to-date check", () => cache?.UpToDate(_config.OutputPath)) is { } last)
        {
            foreach (var diagnostic in last.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }

            return new BuildSummary { Succeeded = true, UpToDate = true, Files = last.Outputs.Count, Unchanged = last.Outputs.Count, Elapsed = clock.Elapsed };
        }

        // The build's own diagnostics are kept apart, so a later no-change build can repeat them.
        var local = new DiagnosticBag();
        if (Live is null && Memo is null)
        {
            return BuildStreamed(cache, local, diagnostics, clock);
        }

        var files = RenderUnchecked(local, cache, null, out _);
        cache?.Markdown.DoneRendering();
        if (files is null)
        {
            if (Live is not null)
            {
                // The bodies rendered for a failed build were not saved: the next build starts from the file again.
                Live.Markdown = null;
            }

            Report(local, diagnostics);
            return new BuildSummary { Succeeded = false, Elapsed = clock.Elapsed };
        }

        return Summary(files.Count, Publish(files, cache, local, diagnostics), cache, clock);
    }

    private static BuildSummary Summary(int files, WriteResult? written, BuildCache? cache, Stopwatch clock) =>
        written is null
            ? new BuildSummary { Succeeded = false, Elapsed = clock.Elapsed }
            : new BuildSummary
            {
                Succeeded = true,
                Files = files,
                Written = written.Written,
                Unchanged = written.Unchanged,
                Removed = written.Removed,
                CachedBodies = cache?.Markdown.Hits ?? 0,
                RenderedBodies = cache?.Markdown.Misses ?? 0,
                Elapsed = clock.Elapsed,
            };

    /// <summary>A one-off build: each file is staged as it is rendered, keeping only its links; once the site is whole
    /// its links are checked, and the staged site is swapped in only if they all resolve. The site's bytes are never
    /// all in memory (at 100,000 articles they are some 3 GB).</summary>
    private BuildSummary BuildStreamed(BuildCache? cache, DiagnosticBag local, DiagnosticBag diagnostics, Stopwatch clock)
    {
        BuildSummary Failed() => new() { Succeeded = false, Elapsed = clock.Elapsed };
        StagedSite staged;
        try
        {
            staged = StagedSite.Open(_config.OutputPath, cache?.Previous?.Outputs);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            diagnostics.Error(DiagnosticCodes.OutputWriteFailed, $"Could not write the site: {ex.Message}", SourceLocation.InFile(_config.OutputDir));
            return Failed();
        }

        using (staged)
        {
            using var links = new SiteLinks();
            // The bodies are saved while the pages render, as soon as the model has them all, and the cache then lets
            // go of them: once the pages are made nothing else holds them (~1 GB at 100,000 articles through the link check).
            Task? savingBodies = null;
            var files = RenderUnchecked(local, cache, new StagingSink(staged, links), out var articles, cache is null ? null : () =>
            {
                cache.Markdown.DoneRendering();
                savingBodies = cache.SaveBodies(letGo: true);
            });
            cache?.Markdown.DoneRendering();
            // The model is no longer reachable: what the link check then allocates (~1 GB at 100,000 articles) comes on
            // top of what is live, not of what the outputs left dead.
            PhaseGarbage.Collect("collect: the model, before the link check", articles);
            if (files is null)
            {
                Report(local, diagnostics);
                if (savingBodies is not null)
                {
                    cache!.AfterPublish(savingBodies, null, local, diagnostics);
                }

                return Failed();
            }

            Progress?.Invoke(new BuildProgress("write", 0, 0));
            using var publishing = BuildTimings.Time("publish (links, swap, state)");
            savingBodies ??= cache?.SaveBodies() ?? Task.CompletedTask;
            WriteResult? written;
            try
            {
                if (!staged.Failed)
                {
                    BuildTimings.Time("link check", () => links.Check(local, staged.ReadBack));
                }

                cache?.Forget();
                written = local.HasErrors ? null : staged.Publish(null, cache?.Previous?.Outputs);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                Report(local, diagnostics);
                diagnostics.Error(DiagnosticCodes.OutputWriteFailed, $"Could not write the site: {ex.Message}", SourceLocation.InFile(_config.OutputDir));
                cache?.AfterPublish(savingBodies, null, local, diagnostics);
                return Failed();
            }

            Report(local, diagnostics);
            BuildTimings.Time("save bodies and state", () => cache?.AfterPublish(savingBodies, written, local, diagnostics));
            return Summary(files.Count, written, cache, clock);
        }
    }

    /// <summary>Reads content/ and renders every output, links unchecked; null when errors were reported.</summary>
    internal IReadOnlyList<OutputFile>? RenderUnchecked(DiagnosticBag diagnostics) => RenderUnchecked(diagnostics, null, null, out _);

    /// <summary>As <see cref="RenderUnchecked(DiagnosticBag)"/>; <paramref name="articles"/> is how many pages were read
    /// for it (drafts left out).</summary>
    private IReadOnlyList<OutputFile>? RenderUnchecked(DiagnosticBag diagnostics, BuildCache? cache, IOutputSink? sink, out int articles, Action? bodiesRendered = null)
    {
        articles = 0;
        Live?.BeginBuild(Path.GetFullPath(_config.RootDirectory));
        var reader = new ContentPageReader(_config.RootDirectory) { ReadAlready = cache?.ReadAlready, Live = cache is null ? null : Live };
        var read = BuildTimings.Time("read content");
        var pages = reader.ReadAll(_config.ContentPath, diagnostics)
            .Where(p => !p.Meta.Draft)
            .ToList();
        var indexPath = Path.Combine(_config.ContentPath, "_index.md");
        var index = File.Exists(indexPath) ? reader.Read(indexPath, diagnostics) : null;
        read.Dispose();
        articles = pages.Count;
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var bodies = BodyRenderer ?? (cache is null ? null : cache.Markdown.Render);
        var seeds = BuildTimings.Time("published seeds", () => Seeds.PublishedSeedReader.Read(pages, _config, diagnostics));
        BuildTimings.Time("memo: templates fingerprint", () => { Memo?.BeginBuild(_config.TemplatesPath); return 0; });
        using var render = BuildTimings.Time("render (model and every output)");
        var files = new SiteRenderer(_config)
        {
            BodyRenderer = bodies,
            Seeds = seeds,
            Memo = Memo,
            Sink = sink,
            // A one-off build needs no page's Markdown once its body is rendered; serve keeps its pages for the next build.
            TakesPages = Memo is null && Live is null,
            BodiesRendered = bodiesRendered ?? (cache is null ? null : cache.Markdown.DoneRendering),
        }.Render(pages, index, diagnostics);
        if (diagnostics.HasErrors)
        {
            Memo?.Forget();
        }

        return files;
    }

    /// <summary>Stages the site while its links are checked on the cores the writes leave idle, and swaps it in
    /// only once every link resolves, so a broken link still publishes nothing; null when nothing was published.</summary>
    private WriteResult? Publish(IReadOnlyList<OutputFile> files, BuildCache? cache, DiagnosticBag local, DiagnosticBag diagnostics)
    {
        var checking = Task.Run(() =>
        {
            using var timing = BuildTimings.Time("link check (beside the writes)");
            _ = Memo is { } memo ? memo.Links.Check(files, local) : LinkChecker.Check(files, local);
        });
        bool LinksResolve()
        {
            checking.GetAwaiter().GetResult();
            return !local.HasErrors;
        }

        Progress?.Invoke(new BuildProgress("write", 0, 0));
        using var publishing = BuildTimings.Time("publish (links, writes, state)");
        var savingBodies = cache?.SaveBodies() ?? Task.CompletedTask;
        WriteResult? written;
        var live = Live;
        try
        {
            cache?.Forget();
            if (live is not null)
            {
                live.State = null;
            }

            if (live?.Site is { } site && site.Fits(_config.OutputPath))
            {
                // Written in place, so the links are checked first: a broken link still publishes nothing. What to write
                // is worked out meanwhile (the watch heard, the bytes hashed).
                written = BuildTimings.Time("write changed files in place", () => site.Update(files, LinksResolve));
            }
            else
            {
                if (live is not null)
                {
                    live.Site?.Dispose();
                    live.Site = null;
                }

                written = SiteWriter.Write(_config.OutputPath, files, cache?.Previous?.Outputs, LinksResolve);
                if (live is not null && written is not null)
                {
                    live.Site = PublishedSite.Of(_config.OutputPath, files, written.Outputs);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            if (live is not null)
            {
                // What is on disk is no longer known: the next build stages the whole site.
                live.Site?.Dispose();
                live.Site = null;
                live.Markdown = null;
            }

            LinksResolve();
            Report(local, diagnostics);
            diagnostics.Error(DiagnosticCodes.OutputWriteFailed, $"Could not write the site: {ex.Message}", SourceLocation.InFile(_config.OutputDir));
            cache?.AfterPublish(savingBodies, null, local, diagnostics);
            return null;
        }

        Report(local, diagnostics);
        var state = BuildTimings.Time("save bodies and state", () => cache?.AfterPublish(savingBodies, written, local, diagnostics));
        if (live is not null)
        {
            live.State = state;
            live.Markdown = cache?.Markdown;
        }

        if (written is not null)
        {
            Memo?.EndBuild(files.Select(f => f.OutputPath));
        }

        return written;
    }

    /// <summary>A run killed mid-publish may have left the previous site aside: it is put back before anything can fail.</summary>
    private void RecoverOutput(DiagnosticBag diagnostics)
    {
        try
        {
            SiteWriter.Recover(_config.OutputPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warning(DiagnosticCodes.OutputWriteFailed, $"Could not tidy up after an interrupted build: {ex.Message}", SourceLocation.InFile(_config.OutputDir));
        }
    }

    private static void Report(DiagnosticBag from, DiagnosticBag to)
    {
        foreach (var diagnostic in from)
        {
            to.Add(diagnostic);
        }
    }
}
