using System.Collections.Concurrent;
using System.Diagnostics;
using StaticDossier.Config;
using StaticDossier.Diagnostics;
using StaticDossier.Publishing;
using StaticDossier.Rendering;

namespace StaticDossier.Building;

/// <summary>Wraps <see cref="SiteBuilder"/> with a cache beside the output folder: when no input changed (content,
/// templates, site.yml, settings, generator) and the published site is as the last build left it, nothing is done;
/// otherwise the site is rendered with cached article bodies and only changed files are written. Correctness
/// never rests on the cache: any input change renders every page again, and the cache is only trusted after a
/// successful publish.</summary>
public sealed class IncrementalBuilder
{
    private readonly SiteConfig _config;

    /// <summary>Creates a builder for <paramref name="config"/>.</summary>
    public IncrementalBuilder(SiteConfig config) => _config = config;

    /// <summary>False to render everything from scratch and trust nothing from earlier builds.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Reports progress; called from several threads.</summary>
    public Action<BuildProgress>? Progress { get; init; }

    /// <summary>The cache folder: a hidden sibling of the output folder, so it is never published.</summary>
    public string CacheDirectory
    {
        get
        {
            var full = Path.GetFullPath(_config.OutputPath).TrimEnd(Path.DirectorySeparatorChar);
            return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.cache");
        }
    }

    /// <summary>Builds (or confirms) the site; the previous site stays if anything fails.</summary>
    public BuildSummary Build(DiagnosticBag diagnostics)
    {
        var clock = Stopwatch.StartNew();
        var cacheDir = CacheDirectory;
        Progress?.Invoke(new BuildProgress("fingerprint", 0, 0));
        // With nothing built before, the pages will all be read: the fingerprint keeps what it reads for that.
        // After a build, most runs change nothing, and holding every page in memory would only slow them.
        var pages = UseCache && BuildState.Exists(cacheDir) ? null : new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal);
        var inputs = BuildFingerprint.Compute(_config, pages);
        var previous = UseCache ? BuildState.Load(cacheDir) : null;
        if (previous is not null && previous.Inputs == inputs && previous.OutputsIntact(_config.OutputPath))
        {
            foreach (var diagnostic in previous.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }

            return new BuildSummary { Succeeded = true, UpToDate = true, Files = previous.Outputs.Count, Unchanged = previous.Outputs.Count, Elapsed = clock.Elapsed };
        }

        var articles = pages?.Count ?? BuildFingerprint.CountPages(_config);
        void Rendered(int done) => Progress?.Invoke(new BuildProgress("render", done, articles));
        var markdown = UseCache ? MarkdownCache.Load(cacheDir, Rendered) : MarkdownCache.Empty(Rendered);
        var local = new DiagnosticBag();
        var files = new SiteBuilder(_config)
        {
            BodyRenderer = markdown.Render,
            // Each page is taken out of what the fingerprint read, so its bytes go once the page is parsed.
            ReadAlready = pages is null ? null : path => pages.TryRemove(path, out var bytes) ? bytes : null,
        }.RenderUnchecked(local);
        markdown.DoneRendering();
        if (files is null)
        {
            Report(local, diagnostics);
            return new BuildSummary { Succeeded = false, Elapsed = clock.Elapsed };
        }

        // Links are checked while the site is staged, on the cores the writes leave idle; the staged site is
        // swapped in only once every link resolves, so a broken link still publishes nothing.
        var checking = Task.Run(() => LinkChecker.Check(files, local));
        bool LinksResolve()
        {
            checking.GetAwaiter().GetResult();
            return !local.HasErrors;
        }

        Progress?.Invoke(new BuildProgress("write", 0, 0));
        WriteResult? written;
        // The rendered bodies depend on nothing but their Markdown, so they are saved while the site is written.
        var savingBodies = Task.Run(() =>
        {
            Directory.CreateDirectory(cacheDir);
            markdown.Save(cacheDir);
        });
        try
        {
            // The state is dropped first: should the swap fail half-way, no later build may trust it.
            BuildState.Forget(cacheDir);
            written = IncrementalSiteWriter.Write(_config.OutputPath, files, previous, LinksResolve);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            LinksResolve();
            Report(local, diagnostics);
            diagnostics.Error(DiagnosticCodes.OutputWriteFailed, $"Could not write the site: {ex.Message}", SourceLocation.InFile(_config.OutputDir));
            Saved(savingBodies, cacheDir, diagnostics);
            return new BuildSummary { Succeeded = false, Elapsed = clock.Elapsed };
        }

        Report(local, diagnostics);
        if (written is null)
        {
            Saved(savingBodies, cacheDir, diagnostics);
            return new BuildSummary { Succeeded = false, Elapsed = clock.Elapsed };
        }

        if (!Saved(savingBodies, cacheDir, diagnostics))
        {
            return Summary(files, written, markdown, clock);
        }

        try
        {
            new BuildState
            {
                Generator = BuildFingerprint.Generator,
                Inputs = inputs,
                Outputs = written.Outputs,
                Diagnostics = [.. local.Sorted()],
            }.Save(cacheDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The site is published; without a cache the next build is simply a full one.
            diagnostics.Warning(DiagnosticCodes.OutputWriteFailed, $"Could not save the build cache: {ex.Message}", SourceLocation.InFile(cacheDir));
        }

        return Summary(files, written, markdown, clock);
    }

    private static void Report(DiagnosticBag from, DiagnosticBag to)
    {
        foreach (var diagnostic in from)
        {
            to.Add(diagnostic);
        }
    }

    private static BuildSummary Summary(IReadOnlyList<OutputFile> files, WriteResult written, MarkdownCache markdown, Stopwatch clock) =>
        new()
        {
            Succeeded = true,
            Files = files.Count,
            Written = written.Written,
            Unchanged = written.Unchanged,
            Removed = written.Removed,
            CachedBodies = markdown.Hits,
            RenderedBodies = markdown.Misses,
            Elapsed = clock.Elapsed,
        };

    /// <summary>Waits for the bodies' cache to be saved; a failure is a warning (the next build is simply a full one).</summary>
    private static bool Saved(Task saving, string cacheDir, DiagnosticBag diagnostics)
    {
        try
        {
            saving.GetAwaiter().GetResult();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warning(DiagnosticCodes.OutputWriteFailed, $"Could not save the build cache: {ex.Message}", SourceLocation.InFile(cacheDir));
            return false;
        }
    }
}
